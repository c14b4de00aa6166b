#!/usr/bin/env Rscript
# Reference values for targetcast's hand-written numerics (test/numerics/*.test.ts).
# Run from the repo root:  Rscript bench/r/numerics.R
# Writes test/fixtures/r-numerics/numerics.json. Numbers are written with 17 significant digits
# (sprintf %.17g), which reads back as the same double; jsonlite's digits = NA stops at 15.
#
#  - pnorm, qnorm, pt, qt on grids that cover the domains the tests claim (see `domains` below);
#  - quantile(type = 7) of a sample with ties;
#  - optim(method = "Nelder-Mead") on the Rosenbrock function from the classic start (-1.2, 1);
#  - optim(method = "Nelder-Mead") on an ETS(A,A,N) likelihood: n*log(SSE) of the one-step
#    errors (forecast::ets's opt.crit = "lik" objective, -2 loglik without constants) over
#    (alpha, beta, l0, b0), for M1 series YAB12, within forecast's usual bounds;
#  - forecast::ets(x, "AAN", damped = FALSE) on the same series (what fitEts should reach).
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

out_file <- "test/fixtures/r-numerics/numerics.json"
set.seed(20261201)

# Numeric vectors (and scalars) as JSON that reads back bit for bit.
num <- function(x, scalar = FALSE) {
  s <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  structure(if (scalar && length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]"), class = "json")
}

# ---- distributions ---------------------------------------------------------------------------
# pnorm: below -37.5 the value is under 1e-300 (double precision's normal range); above 8.3 it
# rounds to 1.
pnorm_x <- sort(unique(c(seq(-37.5, 8.3, by = 0.05), runif(400, -37.5, 8.3), -1e-8, -1e-3, 0, 1e-3)))
# qnorm: p from 1e-300 to 1 - 1e-16 (log-spaced tails, uniform middle, near 0.5).
qnorm_p <- sort(unique(c(10^-seq(300, 1, by = -0.5), runif(400), 0.5 + c(-1, 1) * rep(10^-(1:12), each = 2),
                         1 - 10^-seq(1, 15, by = 0.5))))
qnorm_p <- qnorm_p[qnorm_p > 0 & qnorm_p < 1 & qnorm_p != 0.5]
# t: degrees of freedom 1 .. 1e5 (the project uses n - 2 or so, 2 .. a few hundred).
dfs <- c(1, 1.5, 2, 2.5, 3, 4, 5, 7, 10, 15, 20, 30, 50, 100, 300, 1000, 1e4, 1e5)
pt_t <- c(-10^seq(6, -3, by = -0.25), 0, 10^seq(-3, 6, by = 0.25))
pt_rows <- do.call(rbind, lapply(dfs, function(df) {
  t <- c(pt_t, runif(20, -50, 50))
  p <- pt(t, df)
  keep <- p > 1e-300            # values under the normal range of doubles are left out
  data.frame(df = df, t = t[keep], p = p[keep])
}))
qt_p <- c(10^-seq(300, 1, by = -2), 10^-seq(20, 1, by = -0.5), 0.5 + c(-1, 1) * rep(10^-(1:8), each = 2),
          1 - 10^-seq(1, 15, by = 1), runif(20))
qt_rows <- do.call(rbind, lapply(dfs, function(df) {
  q <- qt(qt_p, df)
  keep <- is.finite(q) & q != 0
  data.frame(df = df, p = qt_p[keep], q = q[keep])
}))
# The reference quantile q_ref. R's qt is not everywhere as precise as its pt:
#  - near p = 0.5, qt works from 2 * min(p, 1 - p), which cannot resolve c = |p - 0.5| below
#    about 1e-16 / c relative; there q_ref comes from c itself (exact in double arithmetic):
#    P(|T| < s) = pbeta(s^2 / (df + s^2), 1/2, df/2), so s^2 / (df + s^2) = qbeta(2c, 1/2, df/2);
#  - in the extreme tails for fractional or small df, pt(qt(p)) is not p (qt is documented as less
#    accurate there); where it is off by more than 1e-12, q_ref is the root of R's pt on log scales.
# Elsewhere q_ref = qt. `roundtrip` is R's own check, pt(q_ref) / p - 1 (tails) or
# pbeta(...) / (2c) - 1 (centre).
qt_rows$c <- abs(qt_rows$p - 0.5)
qt_rows$q_ref <- qt_rows$q
qt_rows$method <- "qt"
qt_rows$roundtrip <- NA_real_
for (i in seq_len(nrow(qt_rows))) {
  df <- qt_rows$df[i]; p <- qt_rows$p[i]; c <- qt_rows$c[i]; q <- qt_rows$q[i]
  if (c < 0.25) {
    y <- qbeta(2 * c, 0.5, df / 2)
    qt_rows$q_ref[i] <- sign(p - 0.5) * sqrt(df * y / (1 - y))
    qt_rows$method[i] <- "qbeta"
    qt_rows$roundtrip[i] <- pbeta(y, 0.5, df / 2) / (2 * c) - 1
  } else {
    tail <- min(p, 1 - p)
    rt <- pt(-abs(q), df) / tail - 1
    if (abs(rt) > 1e-12) {
      f <- function(ls) pt(-exp(ls), df, log.p = TRUE) - log(tail)
      qt_rows$q_ref[i] <- sign(q) * exp(uniroot(f, log(abs(q)) + c(-0.1, 0.1), tol = 1e-15)$root)
      qt_rows$method[i] <- "pt root"
      rt <- pt(-abs(qt_rows$q_ref[i]), df) / tail - 1
    }
    qt_rows$roundtrip[i] <- rt
  }
}

# ---- sample quantiles, type 7 (R's default), on a sample with ties ------------------------------
quantile_x <- c(round(rnorm(37, 100, 15), 1), 100, 100, 100)
quantile_p <- c(0, 0.01, 0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 0.99, 1)
quantile_q <- unname(quantile(quantile_x, quantile_p, type = 7))

# ---- Nelder-Mead on Rosenbrock -----------------------------------------------------------------
rosenbrock <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
rb <- optim(c(-1.2, 1), rosenbrock, method = "Nelder-Mead")

# ---- Nelder-Mead on an ETS(A,A,N) likelihood ---------------------------------------------------
ref <- fromJSON("test/fixtures/r-reference/YAB12.json")
y <- ref$x
ets_lik <- function(par) {
  alpha <- par[1]; beta <- par[2]; l <- par[3]; b <- par[4]
  if (alpha < 1e-4 || alpha > 0.9999 || beta < 1e-4 || beta > alpha) return(Inf)
  sse <- 0
  for (t in seq_along(y)) {
    f <- l + b
    e <- y[t] - f
    sse <- sse + e^2
    l <- f + alpha * e
    b <- b + beta * e
  }
  length(y) * log(sse)
}
ets_start <- c(0.5, 0.1, y[1], y[2] - y[1])
ets_nm <- optim(ets_start, ets_lik, method = "Nelder-Mead", control = list(maxit = 5000))
# The same objective minimised to the end: Nelder-Mead restarted from its own optimum until it no
# longer improves, with a tight tolerance (the optimum the default run approximates).
best <- ets_nm
repeat {
  again <- optim(best$par, ets_lik, method = "Nelder-Mead", control = list(maxit = 20000, reltol = 1e-15))
  if (again$value >= best$value - 1e-12) break
  best <- again
}
ets_fit <- ets(ts(y), model = "AAN", damped = FALSE, opt.crit = "lik")

doc <- list(
  r_version = R.version.string,
  forecast_version = as.character(packageVersion("forecast")),
  script = "bench/r/numerics.R",
  domains = list(
    pnorm = "x in [-37.5, 8.3]: below, pnorm < 1e-300; above, pnorm rounds to 1",
    qnorm = "p in [1e-300, 1 - 1e-15]",
    pt = "df in [1, 1e5], |t| in [1e-3, 1e6], where pt > 1e-300",
    qt = "df in [1, 1e5], p in [1e-300, 1 - 1e-15] (for df = 1e4 and 1e5, qt is finite only down to a smaller p)"
  ),
  pnorm = list(x = num(pnorm_x), p = num(pnorm(pnorm_x))),
  qnorm = list(p = num(qnorm_p), q = num(qnorm(qnorm_p))),
  pt = list(df = num(pt_rows$df), t = num(pt_rows$t), p = num(pt_rows$p)),
  qt = list(df = num(qt_rows$df), p = num(qt_rows$p), q = num(qt_rows$q), q_ref = num(qt_rows$q_ref),
            method = qt_rows$method, roundtrip = num(qt_rows$roundtrip),
            note = "q = qt(p, df); q_ref = qt, or the root of pt in the extreme tails where pt(qt(p)) is off by > 1e-12, or from qbeta for 0.25 < p < 0.75 (see the script)"),
  quantile = list(call = "quantile(x, p, type = 7)", x = num(quantile_x), p = num(quantile_p), q = num(quantile_q)),
  rosenbrock = list(
    call = 'optim(c(-1.2, 1), function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2, method = "Nelder-Mead")',
    start = num(c(-1.2, 1)), par = num(rb$par), value = num(rb$value, TRUE), counts = rb$counts[["function"]], convergence = rb$convergence,
    exact_par = num(c(1, 1)), exact_value = 0
  ),
  ets_likelihood = list(
    series = "M1 yearly YAB12 (test/fixtures/r-reference/YAB12.json x)",
    y = num(y),
    objective = "n*log(SSE) of ETS(A,A,N) one-step errors over (alpha, beta, l0, b0); Inf outside 1e-4 <= alpha <= 0.9999, 1e-4 <= beta <= alpha",
    call = 'optim(c(0.5, 0.1, y[1], y[2] - y[1]), ets_lik, method = "Nelder-Mead", control = list(maxit = 5000))',
    start = num(ets_start), par = num(ets_nm$par), value = num(ets_nm$value, TRUE), counts = ets_nm$counts[["function"]], convergence = ets_nm$convergence,
    polished_call = "optim(..., reltol = 1e-15) restarted from its optimum until the value stops falling",
    polished_par = num(best$par), polished_value = num(best$value, TRUE)
  ),
  ets_fit = list(
    call = 'ets(ts(y), model = "AAN", damped = FALSE, opt.crit = "lik")',
    alpha = num(unname(ets_fit$par["alpha"]), TRUE), beta = num(unname(ets_fit$par["beta"]), TRUE),
    l0 = num(unname(ets_fit$par["l"]), TRUE), b0 = num(unname(ets_fit$par["b"]), TRUE),
    loglik = num(ets_fit$loglik, TRUE),
    n_log_sse = num(-2 * ets_fit$loglik, TRUE)
  )
)
writeLines(toJSON(doc, digits = NA, auto_unbox = TRUE, json_verbatim = TRUE, pretty = FALSE), out_file)
print(table(qt_rows$method, qt_rows$df))
cat("largest |roundtrip| of q_ref:", max(abs(qt_rows$roundtrip)), "; largest |qt / q_ref - 1|:", max(abs(qt_rows$q / qt_rows$q_ref - 1)), "\n")
cat("wrote", out_file, ":", length(pnorm_x), "pnorm,", length(qnorm_p), "qnorm,", nrow(pt_rows), "pt,", nrow(qt_rows), "qt values\n")
cat("rosenbrock NM:", rb$par, rb$value, " ets NM:", ets_nm$par, ets_nm$value, " polished:", best$value, " ets():", -2 * ets_fit$loglik, "\n")
