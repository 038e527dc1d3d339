% Reference dynamical Bayesian inference of coupled-oscillators.csv from MODA's own MATLAB code
% (loop_butter, hilbert, bayes_main, dirc, as its Bayesian window calls them), run in GNU Octave
% with the signal package. MODA is not part of this repository: point MODA_DIR at a checkout.
%
%   MODA_DIR=/path/to/MODA octave-cli Tests/Fixtures/moda/bayesian.m
here = fileparts(mfilename('fullpath'));
moda = getenv('MODA_DIR');
if isempty(moda), error('set MODA_DIR to a checkout of MODA'); end
addpath(fullfile(moda, 'allguis', 'guis', 'bayesian', 'Functions'));
pkg load signal;

d = dlmread(fullfile(here, 'coupled-oscillators.csv'), ',', 1, 0);
fs = 10; h = 1 / fs;
band1 = [0.2, 0.4]; band2 = [0.7, 1.6];
win = 10 / min([band1, band2]); pr = 0.2; ovr = 1; bn = 2;
% MODA's own order choice, recorded; its orders here give unstable transfer functions (README).
[~, order1] = loop_butter(d(:, 2), band1, fs);
[~, order2] = loop_butter(d(:, 3), band2, fs);
% The highest prototype order whose rounded denominator has all roots inside the unit circle.
stable = [0, 0];
bands = {band1, band2};
for c = 1:2
  for n = 2:30
    [~, a] = butter(n, bands{c} / (fs / 2));
    if max(abs(roots(a))) >= 1, break; end
    stable(c) = n;
  end
end
% Phases at fixed, well-conditioned orders with MODA's bandpass_butter (filtfilt of butter).
fixed = [3, 5];
phi1 = angle(hilbert(bandpass_butter(d(:, 2), fixed(1), band1(1), band1(2), fs)));
phi2 = angle(hilbert(bandpass_butter(d(:, 3), fixed(2), band2(1), band2(2), fs)));
out = struct('rateHz', fs, 'band1', band1, 'band2', band2, 'windowSeconds', win, 'propagation', pr, 'order', bn);
out.modaFilterOrders = [order1, order2];
out.stableOrders = stable;
out.fixedOrders = fixed;
[b, a] = butter(fixed(1), band1 / (fs / 2)); out.numerator1 = b; out.denominator1 = a;
out.phase1 = phi1(:)'; out.phase2 = phi2(:)';
cases = {'filtered', phi1, phi2; 'truePhases', d(:, 4), d(:, 5)};
for c = 1:rows(cases)
  [tm, cc] = bayes_main(cases{c, 2}, cases{c, 3}, win, h, ovr, pr, 0, bn);
  cpl1 = zeros(1, rows(cc)); cpl2 = cpl1;
  for m = 1:rows(cc), [cpl1(m), cpl2(m)] = dirc(cc(m, :), bn); end
  out.(cases{c, 1}) = struct('tm', tm, 'parameters', cc, 'cpl1', cpl1, 'cpl2', cpl2);
end
fid = fopen(fullfile(here, 'coupled-oscillators.json'), 'w'); fputs(fid, jsonencode(out)); fclose(fid);
printf('MODA orders %d %d, stable %d %d; %d windows\n', order1, order2, stable(1), stable(2), numel(out.filtered.tm));
