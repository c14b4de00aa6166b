#!/usr/bin/env Rscript
# R's figures for the verdict benchmark ("will the target be met?", Penn World Table 9.1 growth),
# the protocol of bench/verdict-protocol.mjs and ../shared/bench/README.md:
#   windows of 15 history + 6 future years ending 1999, 2005, 2011; an economy takes part when it
#   has every year of the window; per economy three targets: the future 6-year geometric-mean
#   growth >= round(geometric mean of the last 10 history years + d, 2), d = -1, 0, +1.
# Methods: ets() and auto.arima() on the 15 history growth rates (ts, frequency 1), NSIM
# simulate(fit, nsim = 6, future = TRUE) paths each, P = share of paths whose 6-year geometric
# mean reaches the threshold; and the normal rule: normal around the arithmetic mean of the last
# 10 years with sd / sqrt(6) (sd = sample sd of those 10 years).
# Scores: Brier, log score (P clipped to [0.001, 0.999]), reliability bins [0,1/3), [1/3,2/3), [2/3,1].
#
# Run from the repo root:  Rscript bench/r/verdict.R
# Writes bench/r/verdict-reference.json (per window: scores per method and every target's P).
# Reproducible: the RNG is set.seed(SEED) at the start of every window; economies are taken in
# the data file's order (sorted by ISO code), as the JS protocol does. About 4 minutes on one core.
# With seed 1 this reproduces every figure of the README's verdict table (its log scores look
# rounded to 4 decimals first, then to 3: 0.69147 -> 0.6915 -> 0.692).
# To gauge Monte Carlo noise: VERDICT_SEED=2 VERDICT_OUT=/tmp/v2.json Rscript bench/r/verdict.R
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

SEED <- as.integer(Sys.getenv("VERDICT_SEED", "1"))
NSIM <- 2000L
WINDOW_ENDS <- c(1999L, 2005L, 2011L)
HISTORY <- 15L
FUTURE <- 6L
RECENT <- 10L
OFFSETS <- c(-1, 0, 1)

data_file <- Sys.getenv("PWT_CSV", "bench/data/pwt-growth-1951-2011.csv")
out_file <- Sys.getenv("VERDICT_OUT", "bench/r/verdict-reference.json")

panel <- read.csv(data_file, stringsAsFactors = FALSE)
codes <- unique(panel$basis)  # file order, as loadPanel() in the JS protocol
by_code <- split(panel[, c("year", "value")], factor(panel$basis, levels = codes))

# 100 * ((prod(1 + g/100))^(1/n) - 1), summed left to right in doubles like the JS geometricMean().
geometric_mean <- function(g) {
  s <- 0
  for (v in g) s <- s + log1p(v / 100)
  100 * expm1(s / length(g))
}
# JS Math.round(x * 100) / 100 (halves go up, not to even).
round2 <- function(x) floor(x * 100 + 0.5) / 100

# Share of simulated 6-year paths (rows of `paths`) whose geometric mean reaches each threshold.
# A path with a year at or below -100% (output wiped out) never reaches a threshold; how many
# such paths there were goes into the window's notes.
path_probabilities <- function(paths, thresholds, code, what) {
  wiped <- rowSums(paths <= -100) > 0
  gm <- 100 * expm1(rowSums(log1p(pmax(paths, -100) / 100)) / ncol(paths))
  gm[wiped] <- -Inf
  if (any(wiped)) notes <<- c(notes, sprintf("%s %s: %d of %d simulated paths have a year at or below -100%% (counted as not met)",
                                             code, what, sum(wiped), nrow(paths)))
  vapply(thresholds, function(th) mean(gm >= th), numeric(1))
}

simulate_paths <- function(fit) {
  t(vapply(seq_len(NSIM), function(i) as.numeric(simulate(fit, nsim = FUTURE, future = TRUE)),
           numeric(FUTURE)))
}

score <- function(p, met) {
  y <- as.numeric(met)
  c <- pmin(0.999, pmax(0.001, p))
  edges <- list(c(0, 1 / 3), c(1 / 3, 2 / 3), c(2 / 3, Inf))
  bins <- lapply(edges, function(e) {
    k <- p >= e[1] & p < e[2]
    n <- sum(k)
    list(n = n, meanP = if (n) mean(p[k]) else NA, shareMet = if (n) mean(y[k]) else NA)
  })
  list(brier = mean((p - y)^2), log = -mean(ifelse(y == 1, log(c), log(1 - c))), bins = bins)
}

# Evaluates `expr`, recording its warnings (and an error, giving NULL) in `notes` of the caller's window.
noted <- function(expr, code, what) {
  withCallingHandlers(
    tryCatch(expr, error = function(e) {
      notes <<- c(notes, paste0(code, " ", what, " error: ", conditionMessage(e)))
      NULL
    }),
    warning = function(w) {
      notes <<- c(notes, paste0(code, " ", what, " warning: ", conditionMessage(w)))
      invokeRestart("muffleWarning")
    })
}

windows <- list()
t_all <- proc.time()[["elapsed"]]
for (end in WINDOW_ENDS) {
  t0 <- proc.time()[["elapsed"]]
  set.seed(SEED)
  first <- end - HISTORY - FUTURE + 1L
  years <- first:end
  rows <- list()
  notes <- character(0)
  for (code in codes) {
    d <- by_code[[code]]
    if (!all(years %in% d$year)) next
    g <- d$value[match(years, d$year)]
    history <- g[1:HISTORY]
    future <- g[(HISTORY + 1):(HISTORY + FUTURE)]
    recent <- history[(HISTORY - RECENT + 1):HISTORY]
    base <- geometric_mean(recent)
    actual <- geometric_mean(future)
    thresholds <- round2(base + OFFSETS)
    met <- actual >= thresholds

    x <- ts(history, start = first, frequency = 1)
    fit_ets <- noted(ets(x), code, "ets")
    fit_arima <- noted(auto.arima(x), code, "auto.arima")
    p_ets <- if (is.null(fit_ets)) rep(NA_real_, 3) else noted(path_probabilities(simulate_paths(fit_ets), thresholds, code, "ets"), code, "ets simulate")
    p_arima <- if (is.null(fit_arima)) rep(NA_real_, 3) else noted(path_probabilities(simulate_paths(fit_arima), thresholds, code, "auto.arima"), code, "auto.arima simulate")
    m <- mean(recent)
    s <- sd(recent)
    p_normal <- pnorm(thresholds, mean = m, sd = s / sqrt(FUTURE), lower.tail = FALSE)

    rows[[length(rows) + 1]] <- data.frame(
      code = code, offset = OFFSETS, threshold = thresholds, met = met,
      ets = p_ets, arima = p_arima, normal = p_normal,
      etsModel = if (is.null(fit_ets)) NA else fit_ets$method,
      arimaModel = if (is.null(fit_arima)) NA else as.character(fit_arima),
      stringsAsFactors = FALSE)
  }
  tab <- do.call(rbind, rows)
  n_econ <- length(unique(tab$code))
  w <- list(
    end = end, history = c(first, end - FUTURE), future = c(end - FUTURE + 1L, end),
    economies = n_econ, targets = nrow(tab), shareMet = mean(tab$met),
    methods = list(
      "R ets" = score(tab$ets, tab$met),
      "R auto.arima" = score(tab$arima, tab$met),
      "normal rule" = score(tab$normal, tab$met)),
    notes = unique(notes),
    probabilities = tab[, c("code", "offset", "threshold", "met", "ets", "arima", "normal")],
    models = unique(tab[, c("code", "etsModel", "arimaModel")]))
  windows[[length(windows) + 1]] <- w
  secs <- proc.time()[["elapsed"]] - t0
  cat(sprintf("window %d: %d economies, %d targets, share met %.2f  (%.0f s)\n",
              end, n_econ, nrow(tab), mean(tab$met), secs))
  for (mname in names(w$methods)) {
    r <- w$methods[[mname]]
    cat(sprintf("  %-13s Brier %.4f  log %.3f  bins %s\n", mname, r$brier, r$log,
                paste(vapply(r$bins, function(b) sprintf("%.2f/%.2f (n=%d)", b$meanP, b$shareMet, b$n), ""), collapse = "  ")))
  }
  if (length(notes)) cat("  notes:", unique(notes), sep = "\n    ")
}
cat(sprintf("total %.0f s\n", proc.time()[["elapsed"]] - t_all))

out <- list(
  description = paste("Verdict benchmark (bench/verdict-protocol.mjs): R's per-target probabilities and scores,",
                      "written by Rscript bench/r/verdict.R"),
  R = R.version.string,
  forecast = as.character(packageVersion("forecast")),
  seed = SEED, seedScope = "set.seed(seed) at the start of every window; economies in file order",
  nsim = NSIM,
  data = "bench/data/pwt-growth-1951-2011.csv (PWT 9.1 rgdpna growth, Feenstra, Inklaar & Timmer 2015)",
  windows = windows)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows", pretty = TRUE), out_file)
cat("wrote", out_file, "\n")
