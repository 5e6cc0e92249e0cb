//! tag.Create, List, ListProject, ListResources, Delete: the demo function tagged,
//! found by its tag, and untagged.

use fgs_proto::tags::{Create, Delete, List, ListProject, ListResources, Tag};

use super::Urns;
use crate::step::{Failure, Walker};

pub(super) fn walk(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    let tag = Tag::new("fgs-quickstart", "demo");
    walker.send(
        "tag.Create",
        &Create::new(&urns.base, vec![tag.clone()]),
        |()| Ok("tag fgs-quickstart=demo set".to_owned()),
    )?;
    walker.send("tag.List", &List::new(&urns.base), |tags| {
        match tags.tags().contains(&tag) {
            true => Ok(format!("{} tag(s)", tags.tags().len())),
            false => Err("the tag is missing".to_owned()),
        }
    })?;
    walker.send("tag.ListProject", &ListProject::new(), |all| {
        Ok(format!("{} tag key(s) in the project", all.tags().len()))
    })?;
    walker.send(
        "tag.ListResources",
        &ListResources::filter().matches(tag.clone()),
        |found| {
            let names: Vec<_> = found
                .resources()
                .iter()
                .filter_map(|r| r.resource_name())
                .collect();
            match names.is_empty() {
                false => Ok(format!("found by tag: {}", names.join(", "))),
                true => Err("no function has the tag".to_owned()),
            }
        },
    )?;
    walker.send("tag.Delete", &Delete::new(&urns.base, vec![tag]), |()| {
        Ok("tag removed".to_owned())
    })?;
    Ok(())
}
