% Reference wavelet bispectra of bispectrum-pair.csv from MODA's own MATLAB code, run in GNU Octave
% (see README.md). MODA is not part of this repository: point MODA_DIR at a checkout of
% github.com/luphysics/MODA.
%
%   MODA_DIR=/path/to/MODA octave-cli Tests/Fixtures/moda/bispectrum.m
here = fileparts(mfilename('fullpath'));
moda = getenv('MODA_DIR');
if isempty(moda), error('set MODA_DIR to a checkout of MODA'); end
addpath(fullfile(moda, 'allguis', 'guis', 'bispectrum', 'Functions'));
addpath(fullfile(here, 'octave-shims'));
addpath(moda_for_octave(moda));
pkg load signal;

d = dlmread(fullfile(here, 'bispectrum-pair.csv'), ',', 1, 0);
x = d(:, 2)'; y = d(:, 3)'; fs = 10;
args = {'fmin', 0.05, 'fmax', 2, 'f0', 1, 'Padding', 0, 'Preprocess', 'on', 'CutEdges', 'on', ...
        'Wavelet', 'Morlet', 'Display', 'off'};
kinds = {'111', x, x; '222', y, y; '122', x, y; '211', y, x};
out = struct('rateHz', fs, 'fminHz', 0.05, 'fmaxHz', 2, 'f0', 1, 'voices', 'auto', 'padding', 'zero');
for k = 1:rows(kinds) * isempty(getenv('SKIP_GRIDS'))
  tic;
  [B, freq, opt] = bispecWavNew(kinds{k, 2}, kinds{k, 3}, fs, args);
  printf('%s: %d x %d in %.1f s\n', kinds{k, 1}, numel(freq), numel(freq), toc);
  out.frequenciesHz = freq(:)';
  out.(['amplitude' kinds{k, 1}]) = abs(B);
  out.(['phase' kinds{k, 1}]) = angle(B);
end
% Biamplitude and biphase of 122 at (0.15, 0.3) Hz as biphaseWavNew computes them (wtAtf2 at f1,
% f2 and f1 + f2 with the options of the last wt call, zero padding, so no signal's pads are
% borrowed), stored wrapped: Octave's unwrap turns the NaN edges into NaN everywhere.
[~, ~, opt] = wt(y, fs, args{:});
xx = wtAtf2(x, fs, 0.15, opt) .* wtAtf2(y, fs, 0.3, opt) .* conj(wtAtf2(y, fs, 0.45, opt));
out.biphase122 = struct('f1Hz', 0.15, 'f2Hz', 0.3, 'biamplitude', abs(xx(:))', 'biphase', angle(xx(:))');
text = jsonencode(out);
out_path = getenv('OUT'); if isempty(out_path), out_path = fullfile(tempdir, 'bispectrum-raw.json'); end
fid = fopen(out_path, 'w'); fputs(fid, text); fclose(fid);
printf('wrote %s; now run compact_bispectrum.py on it\n', out_path);
