"""Prints a .docx as python-docx reads it, one fact a line, for exact comparison in tests."""
import sys

import docx

document = docx.Document(sys.argv[1])
section = document.sections[0]
print(f"page {section.page_width.mm:.0f}x{section.page_height.mm:.0f}mm")
footer = section.footer._element.xml
print("footer PAGE field" if 'w:instr=" PAGE "' in footer else "footer without PAGE field")
for paragraph in document.paragraphs:
    if paragraph.style.name.startswith("Heading"):
        print(f"{paragraph.style.name}: {paragraph.text}")
body = [p.text for p in document.paragraphs if p.style.name == "Body Text"]
print("first paragraph: " + body[0])
print(f"tables: {len(document.tables)}")
for table in document.tables[: int(sys.argv[2]) if len(sys.argv) > 2 else 3]:
    for row in table.rows:
        print(" | ".join(cell.text for cell in row.cells))
    print("--")
