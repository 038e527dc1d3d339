import ArgumentParser
import LDFCore
import LDFIO

// Library enums the command line accepts by their raw values. Declared once here for all
// subcommands (a second conformance elsewhere would not compile).
extension ReaderKind: ExpressibleByArgument {}
extension TissueSite: ExpressibleByArgument {}
