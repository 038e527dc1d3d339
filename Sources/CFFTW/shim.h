#ifndef LDF_CFFTW_SHIM_H
#define LDF_CFFTW_SHIM_H
// FFTW 3 for Swift. <complex.h> is deliberately not included: fftw_complex stays double[2].
#include <fftw3.h>

/// The FFTW version string (a global array in C, awkward to read from Swift).
static inline const char *ldf_fftw_version(void) { return fftw_version; }
#endif
