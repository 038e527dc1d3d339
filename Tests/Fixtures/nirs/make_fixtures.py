"""Writes the hand-made NIRS fixtures (see README.md): python3 make_fixtures.py"""

import random

OXYSOFT_HEADER = [
    "OxySoft export of:\tC:\\Data\\vot_demo.oxy3",
    "Export date:\t12-03-2026 10:12:45",
    "Start of measurement:\t12-03-2026 09:58:02",
    "Datafile sample rate:\t10.00\tHz",
    "Datafile duration:\t2.00\ts",
    "Datafile total number of samples:\t20",
    "Description:\t",
    "Optode-template:\tPortaMon TSI Fit Factor",
    "Optode distance (mm):\t35.00",
    "DPF:\t4.00",
    "Device id:\t1192",
    "",
    "Light source wavelengths:",
    "Device\tTx\tWavelength",
    "1\t1\t763\tnm",
    "1\t2\t844\tnm",
    "",
    "Export sample rate:\t10.00\tHz",
    "No time span selected, exporting full time span",
    "",
    "Legend:",
    "Column\tTrace (Measurement)",
    "1\t(Sample number)",
    "2\tRx1 - Tx1,Tx2,Tx3  TSI%",
    "3\tRx1 - Tx1,Tx2,Tx3  TSI Fit Factor",
    "4\tRx1 - Tx1  O2Hb",
    "5\tRx1 - Tx1  HHb",
    "6\tRx1 - Tx1  tHb",
    "7\t(Event)",
    "",
    "",
    "1\t2\t3\t4\t5\t6\t7",
]


def oxysoft():
    lines = list(OXYSOFT_HEADER)
    for i in range(20):
        fall = max(0, i - 5)
        tsi, o2, hhb = 70.0 - 0.5 * fall, 40.0 - 0.3 * fall, 20.0 + 0.3 * fall
        event, extra = {5: ("A1", ["Occlusion"]), 15: ("B1", ["Release"]), 18: ("S1", [])}.get(i, ("0", []))
        cell = "" if i == 9 else f"{tsi:.4f}"
        lines.append("\t".join([str(i), cell, "99.8000", f"{o2:.4f}", f"{hhb:.4f}", f"{o2 + hhb:.4f}", event] + extra))
    with open("oxysoft_vot.txt", "w", newline="\r\n") as f:
        f.write("\n".join(lines) + "\n")


def moxy():
    lines = ["", " FW Part Number: 2000195 v1.3", " LUT Part Number: SN1614 v0.0.4", " ",
             "mm-dd,hh:mm:ss,SmO2 Live,SmO2 Averaged,THb,Lap,Session Ct"]
    for i in range(12):
        s = 13 * 60 + 17 + 2 * i
        lap = 1 if i < 4 else (2 if i < 9 else 3)
        lines.append(f"06-Feb,13:{s // 60:02d}:{s % 60:02d},{60 - i},{60 - i // 2},12.{80 + i},{lap},719")
    with open("moxy_vot.csv", "w") as f:
        f.write("\n".join(lines) + "\n")


def vot_curve(t, start=120.0, release=300.0):
    """StO2 of a whole vascular occlusion test (%): 68 at rest, a fall of 10 %/min, a rise of
    1.5 %/s to 76 after release, then back to 68 over 60 s."""
    if t < start:
        return 68.0
    if t < release:
        return 68.0 - (t - start) / 6.0
    low = 68.0 - (release - start) / 6.0
    rise = (76.0 - low) / 1.5
    if t < release + rise:
        return low + 1.5 * (t - release)
    return 68.0 + 8.0 * max(0.0, 1.0 - (t - release - rise) / 60.0)


def oxysoft_full():
    """A whole VOT at 2 Hz for 420 s, with Occlusion/Release markers at 120 s and 300 s."""
    rng = random.Random(16)
    lines = [line.replace("Datafile duration:\t2.00", "Datafile duration:\t420.00")
                 .replace("number of samples:\t20", "number of samples:\t840")
                 .replace("10.00\tHz", "2.00\tHz") for line in OXYSOFT_HEADER]
    for i in range(840):
        t = i / 2.0
        tsi = vot_curve(t) + rng.gauss(0.0, 0.3)
        o2 = 40.0 + 0.6 * (tsi - 68.0)
        event, extra = {240: ("A1", ["Occlusion"]), 600: ("B1", ["Release"])}.get(i, ("0", []))
        lines.append("\t".join([str(i), f"{tsi:.4f}", "99.5000", f"{o2:.4f}", f"{60.0 - o2:.4f}", "60.0000", event] + extra))
    with open("oxysoft_vot_full.txt", "w", newline="\r\n") as f:
        f.write("\n".join(lines) + "\n")


def moxy_full():
    """A whole VOT every 2 s for 600 s (SmO2 in whole %, as Moxy writes it), no marks."""
    rng = random.Random(17)
    lines = ["", " FW Part Number: 2000195 v1.3", " LUT Part Number: SN1614 v0.0.4", " ",
             "mm-dd,hh:mm:ss,SmO2 Live,SmO2 Averaged,THb,Lap,Session Ct"]
    for i in range(300):
        s = 13 * 3600 + 13 * 60 + 17 + 2 * i
        smo2 = round(vot_curve(2.0 * i) + rng.gauss(0.0, 0.3))
        lines.append(f"06-Feb,{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d},{smo2},{smo2},12.80,1,719")
    with open("moxy_vot_full.csv", "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    oxysoft()
    moxy()
    oxysoft_full()
    moxy_full()
