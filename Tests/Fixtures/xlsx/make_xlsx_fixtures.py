#!/usr/bin/env python3
"""Writes the Excel fixtures with openpyxl (workbooks), msoffcrypto-tool (an encrypted copy) and
xlwt (an Excel 97-2003 .xls), and records what openpyxl reads back (expected.json).

Run from the repository root:  .venv/bin/python Tests/Fixtures/xlsx/make_xlsx_fixtures.py
(the virtualenv needs: pip install openpyxl msoffcrypto-tool xlwt numpy).

openpyxl writes formulas without their cached results, so `formulas.xlsx` gets its cached
values (`<v>` beside each `<f>`) patched into the sheet XML by this script, as Excel would save
them; openpyxl's `data_only=True` reading of those cached values is the reference.
"""
import datetime
import io
import json
import os
import re
import zipfile
from importlib.metadata import version

import msoffcrypto
import numpy as np
import openpyxl
import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def write_trials():
    rng = np.random.default_rng(3)
    wb = openpyxl.Workbook()
    one = wb.active
    one.title = "Trial 1"
    one.append(["Time [s]", "Flux [PU]", "Skin temp [°C]", "Comment"])
    for k in range(400):
        t = k / 10
        comment = "cuff on" if k == 100 else "release" if k == 250 else None
        one.append([t, round(100 + 10 * np.sin(0.3 * t) + rng.normal(0, 1), 3), round(32 + 0.01 * t, 3), comment])
    two = wb.create_sheet("Trial 2")
    two.append(["Clock", "Perfusion (PU)"])
    start = datetime.datetime(2023, 3, 14, 10, 20, 30)
    for k in range(300):
        two.append([start + datetime.timedelta(seconds=k * 0.5), round(80 + 5 * np.cos(0.2 * k), 3)])
        two.cell(row=k + 2, column=1).number_format = "yyyy-mm-dd hh:mm:ss.000"
    notes = wb.create_sheet("Notes")
    notes.append(["Subject", "S01"])
    notes.append(["Site", "forearm"])
    wb.create_sheet("Empty")
    wb.save(path("trials.xlsx"))


def write_formulas():
    """Seconds in column A, flux in B, and a formula column C = B * 2 whose cached results are
    patched in as Excel stores them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calc"
    ws.append(["t", "raw", "Flux"])
    for k in range(50):
        ws.append([k * 0.25, 40 + k, f"=B{k + 2}*2"])
    buffer = io.BytesIO()
    wb.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path("formulas.xlsx"), "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = re.sub(r'<c r="C(\d+)"><f>B\1\*2</f><v\s*/>',
                              lambda m: f'<c r="C{m.group(1)}"><f>B{m.group(1)}*2</f><v>{2 * (40 + int(m.group(1)) - 2)}</v>', text)
                text = re.sub(r'<c r="C(\d+)"><f>B\1\*2</f><v></v>',
                              lambda m: f'<c r="C{m.group(1)}"><f>B{m.group(1)}*2</f><v>{2 * (40 + int(m.group(1)) - 2)}</v>', text)
                assert "<v>80</v>" in text, "formula cache not patched"
                data = text.encode()
            out.writestr(item, data)


def write_1904():
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["Date time", "LDF"])
    start = datetime.datetime(2024, 2, 29, 23, 59, 58)
    for k in range(20):
        ws.append([start + datetime.timedelta(seconds=k * 0.25), 50 + k])
        ws.cell(row=k + 2, column=1).number_format = "dd/mm/yyyy hh:mm:ss.000"
    wb.save(path("dates-1904.xlsx"))


def write_bad_inputs():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Words"
    ws.append(["Subject", "Site"])
    for subject, site in [("S01", "forearm"), ("S02", "finger"), ("S03", "forearm"), ("S04", "calf")]:
        ws.append([subject, site])
    wb.save(path("bad-no-numeric.xlsx"))
    office = msoffcrypto.OfficeFile(open(path("trials.xlsx"), "rb"))
    with open(path("bad-encrypted.xlsx"), "wb") as f:
        office.encrypt("secret", f)
    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    for k in range(5):
        sheet.write(k, 0, k)
        sheet.write(k, 1, 100 + k)
    book.save(path("bad-legacy.xls"))


def summary(label, values):
    x = np.asarray(values, dtype=float)
    return dict(label=label, unit="", rate=0.0, count=int(x.size), first=x[:5].tolist(), last=float(x[-1]),
                mean=float(x.mean()), min=float(x.min()), max=float(x.max()))


def column(ws, index, skip=1):
    return [row[index] for row in ws.iter_rows(min_row=skip + 1, values_only=True)]


def describe():
    trials = openpyxl.load_workbook(path("trials.xlsx"), data_only=True)
    one, two = trials["Trial 1"], trials["Trial 2"]
    clock = column(two, 0)
    seconds = [(c - clock[0]).total_seconds() for c in clock]
    comments = [(r[0], r[3]) for r in one.iter_rows(min_row=2, values_only=True) if r[3]]
    formulas = openpyxl.load_workbook(path("formulas.xlsx"), data_only=True)["Calc"]
    mac = openpyxl.load_workbook(path("dates-1904.xlsx"), data_only=True)["Mac"]
    mac_clock = column(mac, 0)
    return {
        "trials.xlsx [Trial 1]": dict(signals=[summary("Flux", column(one, 1)), summary("Skin temp", column(one, 2)),
                                               summary("time", column(one, 0))],
                                      annotations=[dict(onset=t, duration=None, text=c) for t, c in comments]),
        "trials.xlsx [Trial 2]": dict(signals=[summary("Perfusion", column(two, 1)), summary("time", seconds)],
                                      annotations=[], start=clock[0].isoformat()),
        "formulas.xlsx [Calc]": dict(signals=[summary("raw", column(formulas, 1)), summary("Flux", column(formulas, 2))],
                                     annotations=[]),
        "dates-1904.xlsx [Mac]": dict(signals=[summary("LDF", column(mac, 1)),
                                               summary("time", [(c - mac_clock[0]).total_seconds() for c in mac_clock])],
                                      annotations=[], start=mac_clock[0].isoformat()),
    }


def main():
    write_trials()
    write_formulas()
    write_1904()
    write_bad_inputs()
    expected = dict(versions=dict(openpyxl=version("openpyxl"), msoffcrypto_tool=version("msoffcrypto-tool"),
                                  xlwt=version("xlwt"), numpy=np.__version__), files=describe())
    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1, default=str)
        f.write("\n")
    print(json.dumps(expected["versions"]))


if __name__ == "__main__":
    main()
