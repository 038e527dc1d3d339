import LDFCore
