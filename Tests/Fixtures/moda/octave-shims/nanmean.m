function m = nanmean(x, dim)
% Mean ignoring NaN (MATLAB's nanmean, absent from core Octave); written for these fixtures.
  if nargin < 2, dim = find(size(x) > 1, 1); if isempty(dim), dim = 1; end, end
  keep = ~isnan(x);
  x(~keep) = 0;
  m = sum(x, dim) ./ sum(keep, dim);
end
