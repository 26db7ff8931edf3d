#!/usr/bin/env python3
"""Prints the size of each section of a warta index file (format version 3, or 2).

    python3 Benchmarks/index_sections.py FILE.widx
"""
import struct
import sys

NAMES = ["meta", "terms", "termTotals", "termCapitalized", "stems", "otherStems",
         "postingsTitle", "postingsText", "entityPostingsTitle", "entityPostingsText",
         "lengthsTitle", "lengthsText", "articleBlocks", "blockStarts", "entities", "dates",
         "idRanks", "copies", "warnings", "ids", "idOrdinals", "forwardTerms", "duplicates", "checksums"]

head = open(sys.argv[1], "rb").read(4096)
version, count = struct.unpack_from("<II", head, 8)
total = 0
for i in range(count):
    number, _, offset, length = struct.unpack_from("<IIQQ", head, 32 + 24 * i)
    total += length
    names = NAMES if version == 3 else [n for n in NAMES if n != "duplicates"] if version == 2 else []
    name = names[number - 1] if number <= len(names) else str(number)
    print(f"{name:20s} {length / 1e6:8.2f} MB")
print(f"{'total':20s} {total / 1e6:8.2f} MB")
