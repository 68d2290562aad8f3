// Parametric tests expand into one configuration per assignment that satisfies `assume`; `(2 wise)`
// keeps only enough of them to cover every pair of values.
param n: int;
param fast: bool;
param k: int;
event ePing;
machine Main {
  var count: int;
  start state S { entry { count = n; if (fast) { count = count + k; } } }
}
machine Other { start state S { } }
interface IOther();
module all = { Main, Other -> IOther };
test param (n in [1, 2, 3]) assume (n != 2) small [main=Main]: all;
test param (n in [1, 2], fast in [true, false], k in [0, 1]) (2 wise) pairs [main=Main]: { Main };
test plain: (main Main in all);
