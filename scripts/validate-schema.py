#!/usr/bin/env python3
"""Validate JSON files (one value each) or JSON Lines files (.jsonl) against a JSON Schema (draft 2020-12).

usage: validate-schema.py SCHEMA FILE...   prints one line per invalid value and "N valid, M invalid"; exit 1 if any invalid
"""
import json, sys
from jsonschema import Draft202012Validator

def values(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield f"{path}:{n}", json.loads(line)
        else:
            yield path, json.load(f)

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    valid = invalid = 0
    for path in sys.argv[2:]:
        for where, value in values(path):
            errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
            if errors:
                invalid += 1
                for e in errors[:5]:
                    print(f"{where}: {'/'.join(map(str, e.path))}: {e.message}")
            else:
                valid += 1
    print(f"{valid} valid, {invalid} invalid")
    sys.exit(1 if invalid else 0)

if __name__ == "__main__":
    main()
