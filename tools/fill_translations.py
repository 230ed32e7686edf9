"""Fill unfinished entries of resources/translations/station_desk_en.ts from a JSON file
{"中文原文": "English", ...}; prints the sources still unfinished.

    python tools/fill_translations.py my_strings.json        (after pyside6-lupdate)
    python tools/fill_translations.py --list                 (just list the unfinished ones)
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "station_desk_en.ts"


def main(argv: list[str]) -> int:
    mapping: dict[str, str] = {}
    if argv and argv[0] != "--list":
        mapping = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    left = []
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.get("type") != "unfinished":
            continue
        text = source.text or ""
        if text in mapping:
            if message.get("numerus") == "yes":
                for form in translation.findall("numerusform"):
                    translation.remove(form)
                for plural in mapping[text].split("||"):
                    ET.SubElement(translation, "numerusform").text = plural
            else:
                translation.text = mapping[text]
            del translation.attrib["type"]
        else:
            left.append(text)
    if mapping:
        tree.write(TS, encoding="utf-8", xml_declaration=True)
        text = TS.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        # lupdate writes quotes in text as entities; do the same, so the file keeps lupdate's form
        text = re.sub(r">([^<]*)<", lambda m: ">" + m.group(1).replace("'", "&apos;").replace('"', "&quot;").replace("\u3000", "&#x3000;") + "<", text)
        text = text if text.endswith("\n") else text + "\n"
        TS.write_text(text, encoding="utf-8")
    for source in left:
        print(source)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
