function folder = moda_for_octave(moda)
% A temporary copy of MODA's wt.m that GNU Octave 7 runs; returns its folder (add it to the path).
% Octave's anonymous functions inside nested functions do not see the parent's variables, so the
% quadgk calls of wt.m's nested fz() that wrap the parent's handle as @(u)vfun(u) fail; passing
% the handle itself (quadgk(vfun, ...)) is the same integral. Nothing else is changed. Written for
% these fixtures; MODA itself is not copied into this repository.
  folder = fullfile(tempdir, 'moda-octave');
  if ~exist(folder, 'dir'), mkdir(folder); end
  text = fileread(fullfile(moda, 'allguis', 'guis', 'tfa', 'Functions', 'wt.m'));
  text = strrep(text, 'quadgk(@(u)vfun(u),', 'quadgk(vfun,');
  fid = fopen(fullfile(folder, 'wt.m'), 'w'); fputs(fid, text); fclose(fid);
end
