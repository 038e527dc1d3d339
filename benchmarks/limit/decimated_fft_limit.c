/*
 * The decimated-FFT limit of `ldf bands` with its defaults (Morlet f0 = 1, 31 voices, fmin 0.005 Hz,
 * fmax 2 Hz, MODA's cone): only the transforms FFTW needs for the same time-averaged spectrum, and
 * nothing else (no reading, no detrend, band-pass or padding forecast, FFTW_ESTIMATE, one thread):
 *   1. one forward r2c FFT of the padded signal, NL = 2^ceil(log2(L + cone before + cone after));
 *   2. per frequency f = 2^(k / voices) in [fmin, fmax], the bins where MODA's Morlet psi_hat
 *      exceeds 1e-10 of its peak (w0 +- sqrt(2 ln 1e10), inside max(fmin, fs/L) < nu < fmax),
 *      multiplied by psi_hat and inverse-transformed in place at the shortest power of two M that
 *      holds them (decimation NL / M, the least a band-limited row allows);
 *   3. the sum of |W| over the decimated samples inside the cone, ceil(2.5758 fs / f) samples
 *      from each end (docs/METHODS.md 3.5).
 * The signal is seeded noise of L samples; the printed checksum keeps the work from being skipped,
 * and the printed sizes let the script compare them with ldf's.
 * REPEATS (default 1) transforms that many different signals of the same length with the same
 * plans: the limit for a stream of REPEATS windows (benchmarks/stream-limit.sh).
 *
 * Usage: decimated_fft_limit SAMPLES RATE_HZ [FMIN_HZ FMAX_HZ VOICES [REPEATS]]
 */
#include <fftw3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static long next_power_of_two(long value) {
    long result = 1;
    while (result < value) result <<= 1;
    return result;
}

static int log2_of_power(long value) {
    int bits = 0;
    while ((1L << bits) < value) bits++;
    return bits;
}

/* MODA's Morlet in the frequency domain, w0 = 2 pi f0 (f0 = 1). */
static double morlet_hat(double w0, double xi) {
    return exp(-0.5 * (w0 - xi) * (w0 - xi)) - exp(-0.5 * (w0 * w0 + xi * xi));
}

/* Invalid samples at each end of a row at f Hz under MODA's cone (Morlet f0 = 1). */
static long cone_samples(double rate, double f) { return (long)ceil(2.5758293035489 * rate / f); }

int main(int argc, char **argv) {
    if (argc != 3 && argc != 6 && argc != 7) {
        fprintf(stderr, "usage: %s SAMPLES RATE_HZ [FMIN_HZ FMAX_HZ VOICES [REPEATS]]\n", argv[0]);
        return 64;
    }
    const long length = atol(argv[1]);
    const double rate = atof(argv[2]);
    const double fmin_hz = argc >= 6 ? atof(argv[3]) : 0.005, fmax_hz = argc >= 6 ? atof(argv[4]) : 2.0;
    const int voices = argc >= 6 ? atoi(argv[5]) : 31;
    const long repeats = argc == 7 ? atol(argv[6]) : 1;
    const double w0 = 2 * M_PI, reach = sqrt(2 * log(1e10));

    const long padded = next_power_of_two(length + 2 * cone_samples(rate, fmin_hz));
    const long half = padded / 2, before = (padded - length) / 2;
    const double bin_hz = rate / padded;

    double *signal = fftw_alloc_real(padded);
    fftw_complex *spectrum = fftw_alloc_complex(half + 1);
    fftw_complex *row = fftw_alloc_complex(padded);
    fftw_plan forward = fftw_plan_dft_r2c_1d((int)padded, signal, spectrum, FFTW_ESTIMATE);
    fftw_plan backward[64] = {0};

    const double low_edge = fmin_hz > rate / length ? fmin_hz : rate / length;
    const long first_k = (long)ceil(voices * log2(fmin_hz)), last_k = (long)floor(voices * log2(fmax_hz));
    unsigned long long state = 1;
    long rows = 0, row_samples = 0;
    double checksum = 0;
    for (long repeat = 0; repeat < repeats; repeat++) {
        rows = 0;
        row_samples = 0;
        for (long n = 0; n < padded; n++) signal[n] = 0;
        for (long n = 0; n < length; n++) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            signal[before + n] = (double)(state >> 11) / 9007199254740992.0 - 0.5;
        }
        fftw_execute(forward);

        for (long k = first_k; k <= last_k; k++) {
            const double f = pow(2, (double)k / voices);
            const long cone = cone_samples(rate, f);
            if (2 * cone >= length) continue; /* no coefficient inside the cone */
            const double low_hz = fmax(low_edge, (w0 - reach) * f / w0), high_hz = fmin(fmax_hz, (w0 + reach) * f / w0);
            long first = (long)floor(low_hz / bin_hz), last = (long)ceil(high_hz / bin_hz);
            if (first < 1) first = 1;
            if (last > half) last = half;
            const long bins = last - first + 1;
            const long count = next_power_of_two(bins);
            const int bits = log2_of_power(count);
            if (!backward[bits]) backward[bits] = fftw_plan_dft_1d((int)count, row, row, FFTW_BACKWARD, FFTW_ESTIMATE);
            for (long m = 0; m < count; m++) row[m][0] = row[m][1] = 0;
            for (long i = 0; i < bins; i++) {
                const double weight = morlet_hat(w0, w0 * (first + i) * bin_hz / f);
                row[i][0] = spectrum[first + i][0] * weight;
                row[i][1] = spectrum[first + i][1] * weight;
            }
            fftw_execute_dft(backward[bits], row, row);
            const long decimation = padded / count;
            const long from = (before + cone + decimation - 1) / decimation, to = (before + length - cone - 1) / decimation;
            double sum = 0;
            for (long m = from; m <= to; m++) sum += hypot(row[m][0], row[m][1]);
            checksum += sum / padded / (to - from + 1);
            rows++;
            row_samples += count;
        }
    }
    printf("padded %ld, rows %ld, row samples %ld (%.2f x NL), checksum %.6g\n",
           padded, rows, row_samples, (double)row_samples / padded, checksum);
    return 0;
}
