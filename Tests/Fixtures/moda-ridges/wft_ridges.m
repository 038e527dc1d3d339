% Reference WFT, ridges and reconstruction of ridge-signal.csv from MODA's own MATLAB code, run in
% GNU Octave (see README.md). MODA is not part of this repository: point MODA_DIR at a checkout of
% github.com/luphysics/MODA.
%
%   MODA_DIR=/path/to/MODA OUT=Tests/Fixtures/moda-ridges/wft-ridges.json octave-cli Tests/Fixtures/moda-ridges/wft_ridges.m
here = fileparts(mfilename('fullpath'));
moda = getenv('MODA_DIR');
if isempty(moda), error('set MODA_DIR to a checkout of MODA'); end
addpath(fullfile(moda, 'allguis', 'guis', 'tfa', 'Functions'));
addpath(fullfile(moda, 'allguis', 'guis', 'filtering', 'Functions'));
addpath(fullfile(here, '..', 'moda', 'octave-shims'));
addpath(moda_for_octave(moda));

d = dlmread(fullfile(here, 'ridge-signal.csv'), ',', 1, 0);
x = d(:, 2)'; fs = 20;
keep = 1:40:numel(x);                     % stored time samples of the transforms (every 2 s)
out = struct('rateHz', fs, 'storedSamples', keep - 1);

% Windowed Fourier transforms: MODA's defaults (f0 = 1 / fmin, predictive padding, preprocessing),
% and zero padding without preprocessing at f0 = 1.5 s; each with its time average inside the cone.
cases = {'default', {'fmin', 0.5, 'fmax', 1.5}; ...
         'plain', {'fmin', 0.5, 'fmax', 1.5, 'f0', 1.5, 'Padding', 0, 'Preprocess', 'off'}};
for c = 1:rows(cases)
  args = [cases{c, 2}, {'Display', 'off'}];
  [W, freq, opt] = wft(x, fs, args{:}, 'CutEdges', 'off');
  Wc = wft(x, fs, args{:}, 'CutEdges', 'on');
  r = struct('f0', opt.f0, 'frequenciesHz', freq(:)', 't1e', opt.wp.t1e, 't2e', opt.wp.t2e, ...
             't1h', opt.wp.t1h, 't2h', opt.wp.t2h, 'xi1h', opt.wp.xi1h, 'xi2h', opt.wp.xi2h, ...
             'amplitude', abs(W(:, keep)), 'phase', angle(W(:, keep)), ...
             'meanAmplitude', nanmean(abs(Wc), 2)', 'validSamples', sum(~isnan(Wc(1, :))));
  out.(['wft_' cases{c, 1}]) = r;
end

% Ridge extraction as MODA's filtering window does it (ridge_extraction.m / MODAridge_filter.m):
% the transform of the band without cut edges, ecurve with its defaults (method 2, path
% optimisation, penalties [1, 1]), rectfr's direct reconstruction.
bands = {'wt', 0.7, 1.4; 'wft', 0.7, 1.4; 'wt_slow', 0.15, 0.4};
for b = 1:rows(bands)
  args = {'fmin', bands{b, 2}, 'fmax', bands{b, 3}, 'CutEdges', 'off', 'Preprocess', 'on', 'Display', 'off'};
  if strcmp(bands{b, 1}, 'wft')
    [W, freq, opt] = wft(x, fs, args{:}, 'Window', 'Gaussian');
  else
    [W, freq, opt] = wt(x, fs, args{:}, 'Wavelet', 'Morlet');
  end
  [tfsupp, ec] = ecurve(W, freq, opt, 'Display', 'off');
  [iamp, iphi, ifreq] = rectfr(tfsupp, W, freq, opt, 'direct');
  [~, ridge] = min(abs(freq(:) - tfsupp(1, :)), [], 1);
  [~, lower] = min(abs(freq(:) - tfsupp(2, :)), [], 1);
  [~, upper] = min(abs(freq(:) - tfsupp(3, :)), [], 1);
  out.(['ridge_' bands{b, 1}]) = struct('lowHz', bands{b, 2}, 'highHz', bands{b, 3}, 'frequenciesHz', freq(:)', ...
      'ridgeIndex', ridge - 1, 'supportLower', lower - 1, 'supportUpper', upper - 1, 'iterations', numel(ec.rdiff) - 1, ...
      'ridgePeakIndex', ec.pind(end, :) - 1, 'ridgeHz', tfsupp(1, :), 'frequencyHz', ifreq, 'amplitude', iamp, ...
      'phase', mod(iphi, 2 * pi), 'reconstruction', iamp .* cos(iphi));
end

out_path = getenv('OUT'); if isempty(out_path), out_path = fullfile(tempdir, 'wft-ridges.json'); end
fid = fopen(out_path, 'w'); fputs(fid, jsonencode(out)); fclose(fid);
printf('wrote %s\n', out_path);
