#!/usr/bin/env python3
"""Writes the small hand-designed reader fixtures in this folder (see README.md).

Each file is one layout with values chosen so the expected results can be worked out by hand
(the README and the tests state them). Run from anywhere: python3 make_fixtures.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, text, encoding="utf-8", newline="\n"):
    data = text.replace("\n", newline).encode(encoding)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def rows(lines):
    return "".join(line + "\n" for line in lines)


# 1. plain comma CSV, 10 Hz, flux = 100 + i
write("plain.csv", rows(["time,flux"] + [f"{i / 10:.1f},{100 + i}" for i in range(20)]))

# 2. semicolon, decimal commas, units row, UTF-8 BOM, CRLF; 4 Hz; flux = 12.5 + 0.25 i
write("semicolon_decimal_comma.csv",
      "\ufeff" + rows(["Zeit;Flux;Temperatur", "s;PU;°C"]
                      + [f"{i / 4:.2f};{12.5 + 0.25 * i:.2f};{31 + 0.1 * i:.1f}".replace(".", ",") for i in range(8)]),
      newline="\r\n")

# 3. tab separated, units in parentheses, 32 Hz; flux = 200 + i, pressure = 0
write("tab.txt", rows(["Time (s)\tFlux (PU)\tPressure (mmHg)"]
                      + [f"{i / 32:.5f}\t{200 + i}\t0" for i in range(16)]))

# 4. whitespace aligned, with a comment line, 10 Hz; flux = 10 i; temp 30
write("whitespace.txt", rows(["# exported by a device", "   time      flux     temp"]
                             + [f"{i / 10:7.1f}  {10 * i:8.1f}  {30:7.1f}" for i in range(12)]))

# 5. no time column: flux only (needs --rate); 10 values 1..10
write("no_time.csv", rows(["Flux [BPU]"] + [str(i) for i in range(1, 11)]))

# 6. time in milliseconds, 40 Hz; flux = 2 i
write("time_ms.csv", rows(["ms,flux"] + [f"{25 * i},{2 * i}" for i in range(16)]))

# 7. clock time crossing midnight, 2 Hz; flux = i
write("clock_time.csv", rows(["clock,flux"]
                             + [f"{'23' if i < 4 else '00'}:{'59' if i < 4 else '00'}:{(58 + i * 0.5) % 60:05.2f},{i}"
                                for i in range(8)]))

# 8. Excel serial days, 10 Hz from 2021-12-28 12:00:00; flux = 5 + i
write("excel_serial.csv", rows(["Excel date;Flux"]
                               + [f"{44558.5 + i / 864000:.12f};{5 + i}" for i in range(20)]))

# 9. marker column mostly empty: 'cuff on' at row 5 (0.5 s), 'release' at row 12 (1.2 s), 10 Hz
marks = {5: "cuff on", 12: "release"}
write("marker_column.csv", rows(["time,flux,marker"]
                                + [f"{i / 10:.1f},{300 + i},{marks.get(i, '')}" for i in range(20)]))

# 10. cp1252 header: 'Temp (°C)' with byte 0xB0; 10 Hz
write("cp1252_header.csv", rows(["time;Flux (PU);Temp (°C)"] + [f"{i / 10:.1f};{400 + i};32.5" for i in range(10)]),
      encoding="cp1252")

# 11. jittered time stamps: nominal 20 Hz, +/- up to 2 ms; flux = 100 + 10 t exactly
random.seed(7)
jit = []
for i in range(40):
    t = round(i / 20 + (0 if i in (0, 39) else random.uniform(-0.002, 0.002)), 6)
    jit.append(f"{t:.6f},{100 + 10 * t:.6f}")
write("jittered.csv", rows(["time,flux"] + jit))

# 12. single-sample gaps: rows at 0.5 s and 1.3 s missing; 10 Hz; flux = 50 + 10 t
write("single_gaps.csv", rows(["time,flux"]
                              + [f"{i / 10:.1f},{50 + i:.1f}" for i in range(20) if i not in (5, 13)]))

# 13. device sentinels in the flux column: -2500 at rows 3 and 4, 5000 at row 10; 10 Hz
sent = {3: -2500, 4: -2500, 10: 5000}
write("sentinels.csv", rows(["time,flux,temp"]
                            + [f"{i / 10:.1f},{sent.get(i, 600 + i)},{31.0}" for i in range(20)]))

# 14. '*' and other missing tokens in a tab file: rows 2 ('*'), 6 (empty), 9 ('NaN'); 10 Hz
miss = {2: "*", 6: "", 9: "NaN"}
write("star_values.txt", rows(["Time\tFlux"] + [f"{i / 10:.1f}\t{miss.get(i, str(700 + i))}" for i in range(15)]))

# 15. a long NaN run (2 s at 10 Hz, rows 20-39) is kept as a gap
write("long_nan_run.csv", rows(["time,flux"]
                               + [f"{i / 10:.1f},{'' if 20 <= i < 40 else 800 + i}" for i in range(60)]))

# 16. quoted fields and a quoted marker with a comma; 10 Hz
write("quoted.csv", rows(['"time","flux","comment"']
                         + [f'"{i / 10:.1f}","{900 + i}","{"note, with comma" if i == 3 else ""}"' for i in range(10)]))

# 17. ragged rows: row 4 lacks its temp cell, row 7 has an extra cell; 10 Hz
rag = []
for i in range(10):
    if i == 4:
        rag.append(f"{i / 10:.1f},{1000 + i}")
    elif i == 7:
        rag.append(f"{i / 10:.1f},{1000 + i},20,extra")
    else:
        rag.append(f"{i / 10:.1f},{1000 + i},20")
write("ragged.csv", rows(["time,flux,temp"] + rag))

# Bad input.
write("empty.csv", "")
write("header_only.csv", rows(["time,flux,temp"]))
write("no_numeric.csv", rows(["name,comment", "alpha,first", "beta,second", "gamma,third"]))
write("non_monotonic.csv", rows(["time,flux", "0.0,1", "0.1,2", "0.3,3", "0.2,4", "0.4,5"]))
write("duplicate_times.csv", rows(["time,flux", "0.0,1", "0.1,2", "0.2,3", "0.2,4", "0.3,5"]))
write("single_sample.csv", rows(["time,flux", "0.0,42"]))
random.seed(11)
garbage = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]) + bytes(random.randrange(256) for _ in range(500))
with open(os.path.join(HERE, "garbage.bin"), "wb") as f:
    f.write(garbage)

# LabChart: two blocks, comments (trailing '#*' cell, '#2' cell, '#*' row), '*' missing,
# cp1252 unit '°C', CRLF. Block 2 stamped exactly 2 s after block 1 (Excel serial + 2/86400).
s1 = 44558.443160273120
s2 = s1 + 2 / 86400
head = lambda serial, clock: [
    "Interval=\t0.1 s",
    f"ExcelDateTime=\t{serial:.16e}\t12/28/2021 {clock}",
    "TimeFormat=\tStartOfBlock",
    "DateFormat=\t",
    "ChannelTitle=\tFlux\tSkin temp",
    "Range=\t5.000 V\t10.000 V",
    "UnitName=\tBPU\t°C",
    "TopValue=\t5000.00\t*",
    "BottomValue=\t-5000.00\t*",
]
block1 = ["0\t100.0\t31.0", "0.1\t101.0\t31.0", "0.2\t*\t31.1", "0.3\t103.0\t31.1\t#* cuff on",
          "0.4\t104.0\t31.2", "#* free comment row", "0.5\t105.0\t31.2"]
block2 = ["0\t200.0\t32.0", "0.1\t201.0\t32.0", "0.2\t202.0\t32.1", "0.3\t203.0\t32.1\t#2 cuff release",
          "0.4\t204.0\t32.2"]
write("labchart_two_blocks.txt", rows(head(s1, "10:38:09.047598") + block1 + head(s2, "10:38:11.047598") + block2),
      encoding="cp1252", newline="\r\n")
