"""Write a zc.buildout [versions] section from constraints.txt (stdout).

Usage: python scripts/constraints_to_versions.py constraints.txt > versions-buildout.cfg
"""

import argparse
import re
import sys


PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


def convert(lines):
    yield "# Generated from constraints.txt by scripts/constraints_to_versions.py: do not edit."
    yield "[versions]"
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = PIN.match(stripped)
        if not match:
            raise ValueError(f"line {number}: not a 'name==version' pin: {stripped}")
        yield f"{match.group(1)} = {match.group(2)}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("constraints", help="path to constraints.txt")
    args = parser.parse_args(argv)
    try:
        with open(args.constraints, encoding="utf-8") as handle:
            output = "\n".join(convert(handle)) + "\n"
    except (OSError, ValueError) as error:
        print(f"constraints_to_versions: error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
