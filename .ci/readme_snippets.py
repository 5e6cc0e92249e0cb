"""Reads README.md for `.ci/readme-crate`.

`readme_snippets.py commands README.md` prints the arguments of each `cargo add` line
of the Installation section's shell blocks, one line each.

`readme_snippets.py snippets README.md DIR` writes every `rust` code block as
`DIR/readme_NN.rs`, made a program the way rustdoc makes a doctest one (lines hidden
with `# ` are kept, and code without `fn main` is wrapped in one), and prints
`name<TAB>run|no_run<TAB>heading` for each.
"""

import re
import sys


def blocks(text):
    """(heading, info string, lines) of every fenced block, in order."""
    heading, fence, info, lines = "", None, "", []
    for line in text.splitlines():
        if fence is None:
            if line.startswith("#") and not line.startswith("#!"):
                heading = line.lstrip("#").strip()
            elif line.startswith("```"):
                fence, info, lines = "```", line[3:].strip(), []
        elif line.startswith("```"):
            yield heading, info, lines
            fence = None
        else:
            lines.append(line)


def commands(text):
    for heading, info, lines in blocks(text):
        if heading != "Installation" or info != "sh":
            continue
        for line in lines:
            line = line.split("#", 1)[0].strip()
            if line.startswith("cargo add "):
                print(line[len("cargo add "):])


def program(lines):
    code = []
    for line in lines:
        stripped = line.lstrip()
        if stripped == "#":
            code.append("")
        elif stripped.startswith("# "):
            code.append(line.replace("# ", "", 1))
        elif stripped.startswith("##"):
            code.append(line.replace("##", "#", 1))
        else:
            code.append(line)
    if any(re.match(r"\s*(async\s+)?fn main\s*\(", line) for line in code):
        return "\n".join(code) + "\n"
    last = next((line.strip() for line in reversed(code) if line.strip()), "")
    result = re.fullmatch(r"Ok::<\(\), (.+)>\(\(\)\)", last)
    # Imports stay at the top, as rustdoc leaves them outside `main`.
    uses = [line for line in code if line.startswith("use ")]
    body = [line for line in code if not line.startswith("use ")]
    signature = f"fn main() -> Result<(), {result.group(1)}>" if result else "fn main()"
    indented = "\n".join("    " + line if line else "" for line in body)
    return "\n".join(uses) + f"\n\n{signature} {{\n{indented}\n}}\n"


def snippets(text, out):
    n = 0
    for heading, info, lines in blocks(text):
        words = [w.strip() for w in info.split(",")]
        if not words or words[0] != "rust" or "ignore" in words:
            continue
        n += 1
        name = f"readme_{n:02}"
        with open(f"{out}/{name}.rs", "w") as f:
            f.write(f"// README.md, section {heading!r}\n")
            f.write(program(lines))
        mode = "no_run" if "no_run" in words or "compile_fail" in words else "run"
        print(f"{name}\t{mode}\t{heading}")


if __name__ == "__main__":
    what, readme = sys.argv[1], sys.argv[2]
    with open(readme) as f:
        text = f.read()
    if what == "commands":
        commands(text)
    elif what == "snippets":
        snippets(text, sys.argv[3])
    else:
        sys.exit(f"unknown command {what}")
