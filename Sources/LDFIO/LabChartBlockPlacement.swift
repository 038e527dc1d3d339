import Foundation
import LDFCore

/// Placing LabChart blocks on one time axis and building the `SampleTable`.
extension LabChartBlockParser {
    /// The joined table: block rows in absolute seconds from the first block's start.
    mutating func table() throws -> SampleTable {
        guard !times.isEmpty, let channels = channelCount else {
            throw LDFError(source, "no LabChart data rows (tab-separated time and values) found",
                           fix: "if this is a LabChart export, export it again with its samples; otherwise read it with \(parameter: "reader") delimited")
        }
        let firstHeader = blocks[0].header
        let interval = firstHeader.intervalSeconds
        let firstSerial = firstHeader.excelSerial
        placeBlocks(interval: interval, firstSerial: firstSerial)

        for (b, block) in blocks.enumerated() {
            let end = block.firstRow + block.rowCount
            let format = block.format
            for row in block.firstRow..<end {
                times[row] = absoluteTime(times[row], block: b, format: format, firstSerial: firstSerial)
            }
        }
        let events = comments.map { Event(timeSeconds: times[min($0.row, times.count - 1)], label: $0.label) }

        let titles = firstHeader.channelTitles ?? []
        let units = firstHeader.unitNames ?? []
        let columns = (0..<channels).map { c in
            SampleTable.Column(name: c < titles.count && !titles[c].isEmpty ? titles[c] : "Channel \(c + 1)",
                               unit: c < units.count ? units[c] : "", values: values[c])
        }
        notes += firstHeader.rangeNotes(channelNames: columns.map(\.name))
        if usedFallback { notes.append(TextDecoding.fallbackNote) }
        if decimalSeparator == UInt8(ascii: ",") { notes.append("LabChart export with decimal commas") }
        let clockStart = firstHeader.clockStart
        var table = SampleTable(source: source, reader: LabChartReader.kind.rawValue, times: times, columns: columns,
                                lineNumbers: lineNumbers, events: events, startDate: clockStart?.date,
                                declaredRateHz: interval.map { 1 / $0 }, notes: notes)
        table.clockStart = clockStart
        table.metadata = firstHeader.entries
        return table
    }

    /// Sets each block's offset from its `ExcelDateTime` (snapped to the first block's sample
    /// grid), or appends it after the previous block when the stamp is missing or would overlap.
    mutating func placeBlocks(interval: Double?, firstSerial: Double?) {
        var previousEnd: Double?
        var gapTexts: [String] = []
        for b in blocks.indices {
            let header = blocks[b].header
            let format = blocks[b].format
            let step = header.intervalSeconds ?? interval ?? medianStep(of: b)
            if b > 0, let blockInterval = header.intervalSeconds, let interval,
               abs(blockInterval - interval) > 1e-9 * interval {
                notes.append("block \(b + 1) has interval \(blockInterval) s but block 1 has \(interval) s; resampled at block 1's rate")
            }
            var offset: Double?
            switch format {
            case .secondsFromBlockStart:
                if b == 0 {
                    offset = 0
                } else if let serial = header.excelSerial, let firstSerial {
                    offset = ExcelSerialDate.seconds(from: firstSerial, to: serial)
                }
            case .clock:
                // Seconds of the day, placed on the block's date (the first block's when unknown).
                unwrapMidnight(block: b)
                if let serial = header.excelSerial, let firstSerial {
                    offset = ExcelSerialDate.seconds(from: firstSerial, to: serial.rounded(.down))
                } else {
                    offset = b == 0 ? 0 : blocks[0].offsetSeconds
                }
            case .secondsFromFileStart, .excelSerial:
                offset = 0
            }
            let first = absoluteTime(blocks[b].firstTime, block: b, format: format, firstSerial: firstSerial, offset: offset ?? 0)
            if let previousEnd {
                if offset == nil {
                    notes.append("block \(b + 1) (line \(lineNumbers[blocks[b].firstRow])) has no ExcelDateTime; appended one interval after block \(b)")
                } else if first <= previousEnd + step / 2 {
                    notes.append("block \(b + 1)'s ExcelDateTime would overlap block \(b); appended one interval after it")
                    offset = nil
                }
                if offset == nil {
                    offset = previousEnd + step - absoluteTime(blocks[b].firstTime, block: b, format: format, firstSerial: firstSerial, offset: 0)
                } else if format == .secondsFromBlockStart, let interval {
                    // Keep the samples on the first block's grid (a shift below half an interval).
                    let snapped = (offset! / interval).rounded() * interval
                    offset = snapped
                }
                let start = absoluteTime(blocks[b].firstTime, block: b, format: format, firstSerial: firstSerial, offset: offset!)
                gapTexts.append(String(format: "block %d starts %.6g s after block %d's last row", b + 1, start - previousEnd, b))
            }
            blocks[b].offsetSeconds = offset ?? 0
            previousEnd = absoluteTime(blocks[b].lastTime, block: b, format: format, firstSerial: firstSerial, offset: blocks[b].offsetSeconds)
        }
        if blocks.count > 1 {
            notes.append("\(blocks.count) LabChart blocks joined by their start times; \(gapTexts.joined(separator: "; "))")
        }
    }

    /// A block time (as written) in seconds from the first block's start.
    func absoluteTime(_ t: Double, block b: Int, format: LabChartHeader.TimeColumn, firstSerial: Double?, offset: Double? = nil) -> Double {
        let shift = offset ?? blocks[b].offsetSeconds
        switch format {
        case .secondsFromBlockStart, .secondsFromFileStart, .clock:
            return shift + t
        case .excelSerial:
            return shift + ExcelSerialDate.seconds(from: firstSerial ?? times[0], to: t)
        }
    }

    /// Adds a day to clock times of a block after they pass midnight.
    mutating func unwrapMidnight(block b: Int) {
        let range = blocks[b].firstRow..<(blocks[b].firstRow + blocks[b].rowCount)
        var slice = Array(times[range])
        if DelimitedTable.unwrapMidnight(&slice) > 0 {
            times.replaceSubrange(range, with: slice)
            blocks[b].lastTime = slice.last!
            notes.append("block \(b + 1)'s clock times cross midnight; a day was added after it")
        }
    }

    /// Median time step of a block's rows (when no `Interval` is given).
    func medianStep(of b: Int) -> Double {
        let range = blocks[b].firstRow..<(blocks[b].firstRow + blocks[b].rowCount)
        guard range.count >= 2 else { return 0 }
        var steps = zip(times[range].dropFirst(), times[range]).map { $0 - $1 }
        steps.sort()
        return steps[steps.count / 2]
    }
}
