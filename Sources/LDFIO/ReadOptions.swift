import Foundation
import LDFCore

/// Which reader parses a file. `auto` picks by content.
public enum ReaderKind: String, Sendable, CaseIterable, Codable {
    case auto, delimited, labchart, oxysoft, moxy, edf, wfdb, acq, cfwb, mat, xlsx
}

/// Everything that shapes reading one recording.
public struct ReadOptions: Sendable {
    public var reader: ReaderKind
    public var assembly: AssemblyOptions
    /// The time column of a delimited file (`--time-column NAME|INDEX`, 1-based over all
    /// columns), when the reader's choice is wrong or two candidates disagree; nil lets the
    /// reader decide (`ColumnRoles`).
    public var timeColumn: ChannelSelector?
    /// The workbook sheet to read (`--sheet`); nil reads every sheet that holds data.
    public var sheet: SheetSelector?
    /// Which variables of a MATLAB file hold the signal, its time and its rate.
    public var mat: MATVariableChoice

    public init(reader: ReaderKind = .auto, assembly: AssemblyOptions = AssemblyOptions(), sheet: SheetSelector? = nil,
                mat: MATVariableChoice = MATVariableChoice(), timeColumn: ChannelSelector? = nil) {
        self.reader = reader
        self.assembly = assembly
        self.timeColumn = timeColumn
        self.sheet = sheet
        self.mat = mat
    }
}

/// A workbook sheet by name (case-insensitive) or 1-based position (`--sheet NAME|INDEX`).
public enum SheetSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case index(Int)

    public init(_ text: String) {
        if let i = Int(text.trimmingCharacters(in: .whitespaces)) { self = .index(i) } else { self = .name(text) }
    }

    public var description: String {
        switch self {
        case .name(let n): return n
        case .index(let i): return String(i)
        }
    }
}

/// The variables of a MATLAB file to read (`--mat-signal`, `--mat-time`, `--mat-rate`); nil
/// picks the obvious one (see `MATReader`). A variable inside a struct is `s.field`.
public struct MATVariableChoice: Sendable, Equatable {
    public var signal: String?
    public var time: String?
    /// A variable name holding the rate in Hz, or a number of Hz.
    public var rate: String?

    public init(signal: String? = nil, time: String? = nil, rate: String? = nil) {
        self.signal = signal
        self.time = time
        self.rate = rate
    }
}
