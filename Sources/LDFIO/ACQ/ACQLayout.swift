import LDFCore

/// The headers of a BIOPAC AcqKnowledge `.acq` file, as documented by the bioread project
/// (notes/file_format.md and bioread/headers.py): a graph header, optional padding headers
/// (revision 124 and later), one header per channel, a "foreign data" header, one data-type header
/// per channel, then the data. Fields appear by file revision (`lVersion`): revisions before 61
/// ("pre-4", AcqKnowledge 3 and older) and from 61 on ("post-4") lay them out differently. The
/// byte order is whichever reads the revision as the smaller number.
struct ACQLayout {
    struct Channel {
        var name: String
        var units: String
        /// Samples in the file.
        var pointCount: Int
        var scale: Double
        var offset: Double
        /// The channel is sampled every `divider`-th tick of the base rate.
        var divider: Int
        /// 2 for 16-bit integers, 8 for doubles.
        var sampleBytes: Int
    }

    var revision: Int
    var bigEndian: Bool
    /// Milliseconds per sample at the base rate.
    var sampleTimeMs: Double
    var compressed: Bool
    var channels: [Channel]
    /// Byte offset where the data start (uncompressed) or the markers start (compressed).
    var dataStart: Int

    static let post4Revision = 61

    /// A graph-header field: its size and the first revision that has it (bioread's tables).
    typealias Field = (name: String, size: Int, since: Int)

    static let graphPre4: [Field] = [
        ("nItemHeaderLen", 2, 0), ("lVersion", 4, 0), ("lExtItemHeaderLen", 4, 30), ("nChannels", 2, 30), ("nHorizAxisType", 2, 30),
        ("nCurChannel", 2, 30), ("dSampleTime", 8, 30), ("dTimeOffset", 8, 30), ("dTimeScale", 8, 30), ("dTimeCursor1", 8, 30),
        ("dTimeCursor2", 8, 30), ("rcWindow", 8, 30), ("nMeasurement", 12, 30), ("fHilite", 2, 30), ("dFirstTimeOffset", 8, 30),
        ("nRescale", 2, 30), ("szHorizUnits1", 40, 30), ("szHorizUnits2", 10, 30), ("nInMemory", 2, 30), ("fGrid", 2, 30),
        ("fMarkers", 2, 30), ("nPlotDraft", 2, 30), ("nDispMode", 2, 30), ("rRReserved", 2, 30), ("BShowToolBar", 2, 34),
        ("BShowChannelButtons", 2, 34), ("BShowMeasurements", 2, 34), ("BShowMarkers", 2, 34), ("BShowJournal", 2, 34),
        ("CurXChannel", 2, 34), ("MmtPrecision", 2, 34), ("NMeasurementRows", 2, 35), ("mmt40", 80, 35), ("mmtChan40", 80, 35),
        ("MmtCalcOpnd1", 80, 36), ("MmtCalcOpnd2", 80, 36), ("MmtCalcOp", 80, 36), ("MmtCalcConstant", 320, 36),
        ("bNewGridWithMinor", 4, 38), ("colorMajorGrid", 4, 38), ("colorMinorGrid", 4, 38), ("wMajorGridStyle", 2, 38),
        ("wMinorGridStyle", 2, 38), ("wMajorGridWidth", 2, 38), ("wMinorGridWidth", 2, 38), ("bFixedUnitsDiv", 4, 38),
        ("bMid_Range_Show", 4, 38), ("dStart_Middle_Point", 8, 38), ("dOffset_Point", 480, 38), ("hGrid", 8, 38), ("vGrid", 480, 38),
        ("bEnableWaveTools", 4, 38), ("hozizPrecision", 2, 39), ("Reserved", 20, 41), ("bOverlapMode", 4, 41), ("bShowHardware", 4, 41),
        ("bXAutoPlot", 4, 41), ("bXAutoScroll", 4, 41), ("bStartButtonVisible", 4, 41), ("bCompressed", 4, 41),
    ]
    static let graphPost4Tail: [Field] = [("Unknown", 822, 61), ("bCompressed", 4, 61), ("Unknown2", 1422, 61), ("hExpectedPaddings", 2, 124)]

    /// Offset of `name` in the graph header of `revision`, nil when that revision lacks it.
    static func graphOffset(of name: String, revision: Int) -> Int? {
        let fields = revision < post4Revision ? graphPre4
            : Array(graphPre4.prefix { $0.name != "BShowToolBar" }) + graphPost4Tail
        var offset = 0
        for field in fields where field.since <= revision {
            if field.name == name { return offset }
            offset += field.size
        }
        return nil
    }

    static func parse(_ file: BinaryBytes) throws -> ACQLayout {
        let little = try file.int32(2, "graph header revision")
        let big = try file.int32(2, bigEndian: true, "graph header revision")
        let candidates = [(little, false), (big, true)].filter { $0.0 > 0 }.sorted { $0.0 < $1.0 }
        guard let (revision, bigEndian) = candidates.first, revision >= 30, revision < 1000 else {
            throw LDFError(file.source, "the graph header's revision is not one AcqKnowledge writes", fix: "the file is damaged or not an .acq file")
        }
        func i16(_ o: Int, _ f: String) throws -> Int { try file.int16(o, bigEndian: bigEndian, f) }
        func i32(_ o: Int, _ f: String) throws -> Int { try file.int32(o, bigEndian: bigEndian, f) }
        let extLength = try i32(6, "graph header length")
        let channelCount = try i16(10, "channel count")
        let sampleTime = try file.float64(16, bigEndian: bigEndian, "sample time")
        guard channelCount >= 1 && channelCount <= 1024, extLength > 0, extLength < file.count else {
            throw LDFError(file.source, "the graph header gives \(channelCount) channel(s) and a length of \(extLength) bytes", fix: "the file is damaged")
        }
        guard sampleTime > 0 && sampleTime.isFinite && sampleTime < 1e9 else {
            throw LDFError(file.source, "the graph header's sample time is \(sampleTime) ms", fix: "the file is damaged")
        }
        let compressed = try graphOffset(of: "bCompressed", revision: revision).map { try i32($0, "compression flag") != 0 } ?? false
        var offset = extLength
        if revision >= 124, let padOffset = graphOffset(of: "hExpectedPaddings", revision: revision) {
            let paddings = try i16(padOffset, "padding header count")
            guard paddings >= 0 && paddings < 1000 else { throw LDFError(file.source, "the graph header's padding count is \(paddings)", fix: "the file is damaged") }
            for _ in 0..<paddings {
                let length = try i32(offset, "padding header")
                guard length > 0 && length < file.count else { throw LDFError(file.source, "a padding header's length is \(length)", fix: "the file is damaged") }
                offset += length
            }
        }
        let channelLength = try i32(offset, "channel header length")
        guard channelLength >= 112 && channelLength < 1 << 20 else {
            throw LDFError(file.source, "the channel header length is \(channelLength) bytes", fix: "the file is damaged")
        }
        var channels: [Channel] = []
        for c in 0..<channelCount {
            let h = offset + c * channelLength
            let name = try file.text(h + 6, 40, "name of channel \(c + 1)")
            let units = try file.text(h + 68, 20, "units of channel \(c + 1)")
            let points = try i32(h + 88, "sample count of channel \(c + 1)")
            let scale = try file.float64(h + 92, bigEndian: bigEndian, "scale of channel \(c + 1)")
            let amplOffset = try file.float64(h + 100, bigEndian: bigEndian, "offset of channel \(c + 1)")
            let dividerOffset = revision >= post4Revision ? 152 : (revision >= 38 ? 250 : nil)
            let divider = try dividerOffset.map { try i16(h + $0, "sample divider of channel \(c + 1)") } ?? 1
            guard points >= 0, divider >= 0 && divider <= 1 << 14 else {
                throw LDFError(file.source, "channel \(c + 1) has \(points) samples and a divider of \(divider)", fix: "the file is damaged")
            }
            channels.append(Channel(name: name.isEmpty ? "Channel \(c + 1)" : name, units: units, pointCount: points, scale: scale,
                                    offset: amplOffset, divider: max(1, divider), sampleBytes: 0))
        }
        let foreign = offset + channelCount * channelLength
        let foreignLength = revision >= post4Revision ? try i32(foreign, "foreign data header") : try i16(foreign, "foreign data header")
        guard foreignLength >= 0 && foreignLength < file.count else {
            throw LDFError(file.source, "the foreign data header's length is \(foreignLength)", fix: "the file is damaged")
        }
        // The data-type headers (size and type of each channel's samples) follow, sometimes after
        // a few extra bytes: scan forward for a run that is valid for every channel.
        let scanStart = foreign + foreignLength
        var dataStart: Int?
        scan: for shift in 0..<4096 {
            let start = scanStart + shift
            var sizes: [Int] = []
            for c in 0..<channelCount {
                guard let size = try? i16(start + 4 * c, "data type"), let type = try? i16(start + 4 * c + 2, "data type") else { break scan }
                guard (type == 0 || type == 1) && size == 8 || type == 2 && size == 2 else { continue scan }
                sizes.append(size)
            }
            for c in 0..<channelCount { channels[c].sampleBytes = sizes[c] }
            dataStart = start + 4 * channelCount
            break
        }
        guard let dataStart else {
            throw LDFError(file.source, "no valid channel data-type headers after the channel headers", fix: "the file is damaged or from an unknown AcqKnowledge version")
        }
        return ACQLayout(revision: revision, bigEndian: bigEndian, sampleTimeMs: sampleTime, compressed: compressed,
                         channels: channels, dataStart: dataStart)
    }
}
