"""Every locked dependency that a published crate builds with declares a
`rust-version` no newer than the workspace's. Reads `cargo metadata` on stdin;
`msrv.py VERSION` checks against VERSION instead."""
import json, sys

meta = json.load(sys.stdin)
packages = {p["id"]: p for p in meta["packages"]}
members = set(meta["workspace_members"])
published = {i for i in members if packages[i].get("publish") != []}

def version(text):
    parts = [int(x) for x in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))

ours = {packages[i]["rust_version"] for i in members}
if len(ours) != 1 or None in ours:
    sys.exit(f"every workspace member must declare the same rust-version: {sorted(map(str, ours))}")
ours = ours.pop()
# `msrv.py 1.70` checks against another version (to see the check fail, say).
if len(sys.argv) > 1:
    ours = sys.argv[1]
print(f"workspace rust-version: {ours}")

# What a user of a published crate compiles: normal and build dependencies, from the
# published crates down (dev-dependencies only build the workspace own tests).
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
needed, todo = set(), list(published)
while todo:
    node = nodes[todo.pop()]
    for dep in node["deps"]:
        if any(k["kind"] in (None, "build") for k in dep["dep_kinds"]) and dep["pkg"] not in needed:
            needed.add(dep["pkg"])
            todo.append(dep["pkg"])

too_new, undeclared = [], []
for pkg in sorted((packages[i] for i in needed if i not in members), key=lambda p: p["name"]):
    declared = pkg.get("rust_version")
    if declared is None:
        undeclared.append(f"{pkg['name']} {pkg['version']}")
    elif version(declared) > version(ours):
        too_new.append(f"{pkg['name']} {pkg['version']} needs Rust {declared}")
print(f"{len(needed - members)} dependencies of the published crates checked; "
      f"{len(undeclared)} declare no rust-version: {', '.join(undeclared) or '-'}")
if too_new:
    sys.exit("newer than the workspace rust-version " + ours + ":\n  " + "\n  ".join(too_new))
print("ok")
