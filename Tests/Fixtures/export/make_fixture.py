"""Writes flags.csv, the input of the `ldf export` golden tests (run: python3 make_fixture.py).

10 Hz, 4 s, channels Flux [PU] and Temp [°C], a marker column. Flux = 100 + i at row time
i / 10 s, except: rows 0.5 s and 0.6 s missing (a 0.2 s time gap: filled), flux -2500 at
1.0-1.1 s (device sentinel: bridged), flux empty from 2.0 s to 3.4 s (1.5 s > --max-bridge 1 s:
gap). Temp = 31 throughout. Markers: "cuff on" at 0.3 s, "release" at 2.5 s.
"""

rows = ["Time [s],Flux [PU],Temp [°C],Marker"]
for i in range(40):
    if i in (5, 6):
        continue
    t = i / 10
    flux = "" if 20 <= i <= 34 else ("-2500" if i in (10, 11) else str(100 + i))
    marker = {3: "cuff on", 25: "release"}.get(i, "")
    rows.append(f"{t:.1f},{flux},31.0,{marker}")
with open("flags.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(rows) + "\n")
