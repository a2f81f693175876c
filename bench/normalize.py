#!/usr/bin/env python3
"""Turns `patrol check --format jsonl` output into the peers' line form, sorted:
rule<TAB>unit<TAB>ref,ref,...<TAB>amount-in-yuan-or-empty."""
import decimal
import json
import sys

lines = []
for text in sys.stdin:
    if not text.strip():
        continue
    f = json.loads(text, parse_float=decimal.Decimal)
    amount = f.get("amount")
    shown = "" if amount is None else str(decimal.Decimal(amount).quantize(decimal.Decimal("0.01")))
    refs = ",".join(sorted(f["refs"], key=str.encode))
    lines.append(f"{f['rule']}\t{f['unit']}\t{refs}\t{shown}")
sys.stdout.write("".join(line + "\n" for line in sorted(lines)))
