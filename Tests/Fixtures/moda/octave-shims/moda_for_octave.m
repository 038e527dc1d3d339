function folder = moda_for_octave(moda)
% Temporary copies of MODA's wt.m and wft.m that GNU Octave 7 runs; returns their folder (add it to the path).
% Octave's anonymous functions inside nested functions do not see the parent's variables, so the
% quadgk calls of the nested fz() of wt.m and wft.m that wrap the parent's handle as @(u)vfun(u) fail; passing
% the handle itself (quadgk(vfun, ...)) is the same integral. Nothing else is changed but the
% real part below. Written for
% these fixtures; MODA itself is not copied into this repository.
  folder = fullfile(tempdir, 'moda-octave');
  if ~exist(folder, 'dir'), mkdir(folder); end
  for name = {'wt.m', 'wft.m'}
    text = fileread(fullfile(moda, 'allguis', 'guis', 'tfa', 'Functions', name{1}));
    text = strrep(text, 'quadgk(@(u)vfun(u),', 'quadgk(vfun,');
    % wft.m's preprocessing takes ifft of a conjugate-symmetric spectrum, which MATLAB returns as
    % real and Octave as complex (with rounding-level imaginary parts that fcast's atan2 rejects).
    text = strrep(text, 'signal=ifft(fx);', 'signal=real(ifft(fx));');
    fid = fopen(fullfile(folder, name{1}), 'w'); fputs(fid, text); fclose(fid);
  end
end
