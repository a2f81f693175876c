#!/usr/bin/env python3
"""Prints each entry of a zip file (an .xlsx) with the deflate option its header records, one a
line: "<name> <option>", option one of normal, maximum, fast, superfast (bits 1-2 of the general
purpose flag, APPNOTE 4.4.4; minizip writes 6 for zlib level 1 and 0 for the default level)."""
import sys
import zipfile

OPTIONS = {0: "normal", 2: "maximum", 4: "fast", 6: "superfast"}

with zipfile.ZipFile(sys.argv[1]) as archive:
    for info in archive.infolist():
        option = OPTIONS[info.flag_bits & 6] if info.compress_type == zipfile.ZIP_DEFLATED else "stored"
        print(info.filename, option)
