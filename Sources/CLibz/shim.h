// The system's zlib (zlib1g-dev on Debian/Ubuntu; part of the SDK on macOS), for the zlib
// streams inside MATLAB (miCOMPRESSED) and AcqKnowledge (compressed channels) files.
#include <zlib.h>
