#!/usr/bin/env python3
"""Writes the hand-made imitations of real export layouts in this folder (see README.md).

None of these files comes from a device: each imitates the general shape of an export
(a header block before the table, a units row, decimal commas, annotation columns, a time axis
that starts before zero, two probes, ...), with values given by closed formulas so the tests can
state exact expectations. Run from anywhere: python3 make_layouts.py
"""
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, lines, encoding="utf-8", newline="\n", bom=False):
    text = "".join(line + "\n" for line in lines).replace("\n", newline)
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def flux(t, base=60.0):
    """A flowmotion-like signal: base + 10 sin(2 pi 0.1 t) + 3 sin(2 pi 1.1 t)."""
    return base + 10 * math.sin(2 * math.pi * 0.1 * t) + 3 * math.sin(2 * math.pi * 1.1 * t)


def comma(x, digits):
    return f"{x:.{digits}f}".replace(".", ",")


# 1. PeriFlux/PeriSoft-like: tab, Key:<TAB>value header block, blank line, two probes, 32 Hz, 60 s.
lines = ["File:\tC:\\PSW\\Data\\S01.PSW", "Date:\t2023-03-14", "Time:\t10:22:01.5", "Sample rate:\t32 Hz",
         "Subject ID\tS01", "Probe 1: 407", "Probe 2: 408", "", "Time (s)\tPU 1\tPU 2"]
for i in range(32 * 60):
    t = i / 32
    lines.append(f"{t:.5f}\t{flux(t):.3f}\t{flux(t, 40.0):.3f}")
write("periflux_tab.txt", lines)

# 2. European export: semicolon, decimal commas, latin-1, Interval= header, names and units rows,
#    a PeriSoft-style numeric mark column (0, with marks 1, 2, 3 at 10 s, 20 s, 30 s), 32 Hz, 40 s.
lines = ["Patient: Müller", "Datum: 14.03.2023", "Interval= 0,03125 s", "Zeit;Flux;Temperatur;Mark", "s;PU;°C;"]
for i in range(32 * 40):
    t = i / 32
    mark = {320: 1, 640: 2, 960: 3}.get(i, 0)
    lines.append(f"{comma(t, 5)};{comma(flux(t), 3)};{comma(32 + 0.01 * t, 2)};{mark}")
write("european_semicolon.txt", lines, encoding="latin-1", newline="\r\n")

# 3. moor-like comma export: a title line, key,value lines, time in milliseconds starting at
#    -30000 ms (t = 0 at the occlusion), a state column, 40 Hz, 120 s:
#    baseline -30..0 s, occlusion 0..45 s, reperfusion 45..90 s.
lines = ["moorVMS-PC style export (hand-made imitation)", "Date,14/03/2023", "Start time,10:22:01", "Sample rate,40 Hz",
         "Time (msec),Flux (PU),Temp (°C),Phase"]
for i in range(40 * 120):
    t = -30 + i / 40
    phase = "baseline" if t < 0 else ("occlusion" if t < 45 else "reperfusion")
    level = flux(t) if phase != "occlusion" else 8 + 0.5 * math.sin(2 * math.pi * 0.2 * t)
    lines.append(f"{round(t * 1000)},{level:.3f},{32.5:.1f},{phase}")
write("moor_comma.csv", lines)

# 4. BIOPAC-like text: file name, "25 msec/sample", "2 channels", then name/unit pairs, then
#    the column row (time in sec, CH1, CH2), 40 Hz, 30 s.
lines = ["S01.acq", "25 msec/sample", "2 channels", "Laser Doppler Flux", "BPU", "Skin Temperature", "Deg C", "sec\tCH1\tCH2"]
for i in range(40 * 30):
    t = i / 40
    lines.append(f"{t:.3f}\t{flux(t):.3f}\t{31.5:.2f}")
write("biopac_text.txt", lines)

# 5. `#` comment header with the rate, no time column: values only at 20 Hz, 30 s.
lines = ["# Device: hand-made imitation", "# Sampling frequency: 20 Hz", "# Start: 2023-03-14 10:22:01", "Perfusion Unit"]
lines += [f"{flux(i / 20):.3f}" for i in range(20 * 30)]
write("hashed_header.csv", lines)

# 6. Event spellings and a negative time axis: 10 Hz, -60..240 s, a sparse event column with
#    "probe adjusted" at -30 s, "OcclusionStart" at 0 s and "occlusion_end" at 120 s.
events = {300: "probe adjusted", 600: "OcclusionStart", 1800: "occlusion_end"}
lines = ["t [s],perfusion_pu,Event"]
for i in range(10 * 300):
    t = -60 + i / 10
    lines.append(f"{t:.1f},{flux(t):.3f},{events.get(i, '')}")
write("events_negative_time.csv", lines)

# 7. CR-only line ends (old Mac exports), 10 Hz, 20 s.
lines = ["time,flux"] + [f"{i / 10:.1f},{flux(i / 10):.3f}" for i in range(200)]
write("cr_only.csv", lines, newline="\r")

# 8. UTF-8 BOM before headerless values (one per line), for --rate and streams.
write("bom_values.txt", [f"{flux(i / 10):.3f}" for i in range(300)], bom=True)

# 9. A flickering state column: the state changes every sample for 3000 samples.
lines = ["time,flux,state"] + [f"{i / 10:.1f},{flux(i / 10):.3f},{'on' if i % 2 else 'off'}" for i in range(3000)]
write("flicker_state.csv", lines)

# 10. Two time columns that disagree: seconds at 10 Hz and a "time_ms" column at 20 Hz steps.
lines = ["time_s,time_ms,flux"] + [f"{i / 10:.1f},{i * 50},{flux(i / 10):.3f}" for i in range(100)]
write("two_times.csv", lines)

# 11. A header block with no table after it.
write("header_only_block.txt", ["File: C:\\PSW\\Data\\S02.PSW", "Date: 2023-03-14", "Sample rate: 32 Hz", "Subject ID: S02"])

# 12. A header rate of 0 and no time column.
write("rate_zero.txt", ["Sample rate: 0 Hz", "Flux"] + [f"{flux(i / 10):.3f}" for i in range(100)])
