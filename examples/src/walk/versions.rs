//! CreateVersion, ListVersion, CreateAlias, GetAlias, UpdateAlias, ListAlias.

use std::collections::BTreeMap;

use fgs_proto::Operation;
use fgs_proto::functions::{
    CreateAlias, CreateVersion, GetAlias, ListAlias, ListVersion, UpdateAlias,
};
use fgs_proto::model::Alias;

use super::Urns;
use super::functions::{show, text};
use crate::step::{Failure, Walker};

/// The alias the demo creates.
pub(super) const ALIAS: &str = "prod";
/// Page size of the ListVersion step: smaller than the 3 versions, so that paging shows.
const VERSION_PAGE: u32 = 2;

/// Publishes the first code as version `v1`.
pub(super) fn publish_first(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    publish(walker, urns, "v1", "the first greeting")
}

/// Publishes the updated function as `v2`, lists the versions, and points an alias at
/// them with a weighted canary.
pub(super) fn publish_second_and_alias(
    walker: &mut Walker<'_>,
    urns: &Urns,
) -> Result<(), Failure> {
    publish(walker, urns, "v2", "greeting from GREETING")?;

    let list = ListVersion::new(&urns.base).maxitems(VERSION_PAGE);
    let request = list
        .request(walker.client.config())
        .map_err(|e| Failure::sdk("function.ListVersions", e))?;
    let client = walker.client;
    walker.call(
        "function.ListVersions",
        &request,
        || client.pages(list.clone()).collect::<Result<Vec<_>, _>>(),
        |pages| {
            let names: Vec<&str> = pages
                .iter()
                .flat_map(|page| page.versions.iter().flatten())
                .filter_map(|v| v.version.as_deref())
                .collect();
            for wanted in ["latest", "v1", "v2"] {
                if !names.contains(&wanted) {
                    return Err(format!("`{wanted}` is not among {names:?}"));
                }
            }
            Ok(format!(
                "{} · {} versions in {} pages of at most {VERSION_PAGE}",
                names.join(", "),
                names.len(),
                pages.len()
            ))
        },
    )?;

    let create = CreateAlias::new(&urns.base, ALIAS, "v1")
        .description("what callers use")
        .additional_version_weights(BTreeMap::from([("v2".to_owned(), 20)]));
    walker.send("function.CreateAlias", &create, |alias| {
        Ok(format!(
            "{} · alias_urn {}",
            routing(alias)?,
            text(&alias.alias_urn, "alias_urn")?
        ))
    })?;
    walker.send(
        "function.GetAlias",
        &GetAlias::new(&urns.base, ALIAS),
        |alias| {
            Ok(format!(
                "{} · “{}”",
                routing(alias)?,
                show(&alias.description)
            ))
        },
    )?;
    let update = UpdateAlias::new(&urns.base, ALIAS, "v2")
        .description("v2 is live, v1 keeps a little traffic")
        .additional_version_weights(BTreeMap::from([("v1".to_owned(), 10)]));
    walker.send("function.UpdateAlias", &update, |alias| {
        if alias.version.as_deref() != Some("v2") {
            return Err(format!("the alias points at {:?}", alias.version));
        }
        routing(alias)
    })?;
    walker.send(
        "function.ListAlias",
        &ListAlias::new(&urns.base),
        |aliases| {
            let shown: Vec<String> = aliases.iter().map(routing).collect::<Result<_, _>>()?;
            Ok(format!("{} alias(es): {}", aliases.len(), shown.join("; ")))
        },
    )?;
    Ok(())
}

fn publish(
    walker: &mut Walker<'_>,
    urns: &Urns,
    version: &str,
    description: &str,
) -> Result<(), Failure> {
    let op = CreateVersion::new(&urns.base)
        .version(version)
        .description(description);
    walker.send("function.CreateVersion", &op, |f| {
        let published = text(&f.version, "version")?;
        if published != version {
            return Err(format!("published `{published}`, asked for `{version}`"));
        }
        Ok(format!(
            "version {published} published · “{}”",
            show(&f.version_description)
        ))
    })?;
    Ok(())
}

/// `prod → v2, 10% to v1`.
fn routing(alias: &Alias) -> Result<String, String> {
    let mut out = format!(
        "{} → {}",
        text(&alias.name, "name")?,
        text(&alias.version, "version")?
    );
    for (version, weight) in alias.additional_version_weights.iter().flatten() {
        out.push_str(&format!(", {weight}% to {version}"));
    }
    Ok(out)
}
