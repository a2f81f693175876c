#!/usr/bin/env python3
"""Prints what an .xlsx holds, as read by openpyxl (an independent reader), one fact a line:
sheets, frozen panes, filters, column widths, charts and every non-empty cell with its type,
value, number format and fill. The tests compare this text exactly."""
import sys

import openpyxl


def fill_of(cell):
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return ""
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    return f" fill={rgb}" if isinstance(rgb, str) else ""


def value_of(cell):
    v = cell.value
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return repr(v) if isinstance(v, str) else str(v)


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    wanted = sys.argv[2:]
    print("sheets:", ",".join(book.sheetnames))
    for ws in book.worksheets:
        if wanted and ws.title not in wanted:
            continue
        print(f"[{ws.title}] freeze={ws.freeze_panes} filter={ws.auto_filter.ref} charts="
              + ",".join(type(c).__name__ for c in ws._charts))
        widths = []
        for letter, dim in sorted(ws.column_dimensions.items()):
            if dim.width:
                widths.append(f"{letter}={dim.width:g}")
        print("widths:", " ".join(widths))
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                fmt = "" if cell.number_format == "General" else f" fmt={cell.number_format}"
                print(f"{cell.coordinate} {cell.data_type} {value_of(cell)}{fmt}{fill_of(cell)}")


main()
