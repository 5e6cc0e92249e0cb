//! event.Create, List, Get, Update, Delete: a test event stored with the function.

use fgs_proto::events::{Create, Delete, Get, List, Update};

use super::Urns;
use super::functions::show;
use crate::step::{Failure, Walker};

pub(super) fn walk(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    let created = walker.send(
        "event.Create",
        &Create::new(&urns.base, "quickstart-event", r#"{"name":"demo"}"#),
        |e| Ok(format!("test event {} · id {}", show(&e.name), show(&e.id))),
    )?;
    let id = created
        .id
        .ok_or_else(|| Failure::unexpected("event.Create", "no id"))?;
    walker.send("event.List", &List::new(&urns.base), |page| {
        Ok(format!("{} test event(s)", page.events().len()))
    })?;
    walker.send(
        "event.Update",
        &Update::new(&urns.base, &id, r#"{"name":"demo, again"}"#),
        |e| Ok(format!("test event {} updated", show(&e.name))),
    )?;
    walker.send("event.Get", &Get::new(&urns.base, &id), |e| {
        let content = e.decoded_content().unwrap_or_default();
        match content == br#"{"name":"demo, again"}"# {
            true => Ok(format!("content {}", String::from_utf8_lossy(&content))),
            false => Err(format!("content {}", String::from_utf8_lossy(&content))),
        }
    })?;
    walker.send("event.Delete", &Delete::new(&urns.base, &id), |()| {
        Ok(format!("test event {id} deleted"))
    })?;
    Ok(())
}
