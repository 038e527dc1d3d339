import Testing
import LDFPORH
import LDFReport

/// `ldf porh --trace` rows: the fast byte writer lays out exactly what the `PORHTraceRow` model
/// encodes through the one CSV writer.
@Suite struct PORHTraceRowTests {
    static let rows = [
        PORHTrace.Row(timeSeconds: -0.5, flux: 10.25, smoothedFlux: .nan, phase: .unassigned),
        PORHTrace.Row(timeSeconds: 0, flux: .nan, smoothedFlux: 9.875, phase: .rest),
        PORHTrace.Row(timeSeconds: 120.001, flux: 3.1, smoothedFlux: 3.0000000000000004, phase: .occlusion),
        PORHTrace.Row(timeSeconds: 1e-7, flux: .infinity, smoothedFlux: 48, phase: .reperfusion),
        PORHTrace.Row(timeSeconds: 86_399.975, flux: 0, smoothedFlux: -0.0, phase: .recovery),
    ]

    @Test(arguments: [("a.csv", "Flux", "PU"), ("dir, with \"quotes\"/b.csv", "probe 1", "")])
    func bytesEqualTheRowModelThroughTheCSVWriter(source: String, channel: String, unit: String) {
        let fast = String(decoding: PORHTraceRow.csv(Self.rows[...], source: source, channel: channel, fluxUnit: unit), as: UTF8.self)
        let model = Self.rows.map { row in
            CSVWriter.record(ReportColumns.cells(of: PORHTraceRow(row, source: source, channel: channel, fluxUnit: unit)).map(\.text)) + "\n"
        }.joined()
        #expect(fast == model)
    }

    @Test func handCheckedLines() {
        let text = String(decoding: PORHTraceRow.csv(Self.rows.prefix(2), source: "a.csv", channel: "Flux", fluxUnit: "PU"), as: UTF8.self)
        #expect(text == "a.csv,Flux,PU,-0.5,10.25,,unassigned\na.csv,Flux,PU,0.0,,9.875,rest\n")
        #expect(PORHTraceRow.csvHeader == "source,channel,flux_unit,time_s,flux,smoothed_flux,phase\n")
    }
}
