#!/usr/bin/env Rscript
# Tourism yearly accuracy benchmark (Athanasopoulos et al. 2011) with R's forecast package (default settings), h = 4.
# Run from the repo root:  Rscript bench/r/tourism-accuracy.R
# Writes test/fixtures/r-reference/tourism-accuracy.json
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })
H <- 4
bench_dir <- Sys.getenv("TOURISM_DIR", "/work/shared/bench")
if (!dir.exists(bench_dir)) bench_dir <- "bench/data"
train <- read.csv(file.path(bench_dir, "tourism-yearly-train.csv"), stringsAsFactors = FALSE)
test  <- read.csv(file.path(bench_dir, "tourism-yearly-test.csv"),  stringsAsFactors = FALSE)
train <- train[order(train$series, train$year), ]; test <- test[order(test$series, test$year), ]
ids <- sort(unique(train$series), method = "radix")

methods <- list(
  naive      = function(x) naive(x, h = H),
  rwf_drift  = function(x) rwf(x, drift = TRUE, h = H),
  ets        = function(x) forecast(ets(x), h = H),
  auto_arima = function(x) forecast(auto.arima(x), h = H),
  thetaf     = function(x) thetaf(x, h = H))

smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
mase  <- function(y, f, x) mean(abs(y - f)) / mean(abs(diff(x)))
cover <- function(y, lo, hi) mean(y >= lo & y <= hi)

acc <- list(); times <- c(); errors <- list()
fc_mean <- list()
for (mn in names(methods)) {
  res <- matrix(NA_real_, length(ids), 4, dimnames = list(ids, c("smape", "mase", "cov80", "cov95")))
  fm <- matrix(NA_real_, length(ids), H, dimnames = list(ids, NULL))
  t0 <- proc.time()[["elapsed"]]
  for (id in ids) {
    xs <- train[train$series == id, ]; y <- test$value[test$series == id]
    x <- ts(xs$value, start = min(xs$year), frequency = 1)
    fc <- tryCatch(suppressWarnings(methods[[mn]](x)), error = function(e) { errors[[paste(mn, id)]] <<- conditionMessage(e); NULL })
    if (is.null(fc)) next
    f <- as.numeric(fc$mean); fm[id, ] <- f
    lv <- as.numeric(fc$level)
    res[id, ] <- c(smape(y, f), mase(y, f, xs$value),
                   cover(y, fc$lower[, lv == 80], fc$upper[, lv == 80]),
                   cover(y, fc$lower[, lv == 95], fc$upper[, lv == 95]))
  }
  times[mn] <- proc.time()[["elapsed"]] - t0
  fc_mean[[mn]] <- fm
  acc[[mn]] <- res
}
# combination: simple mean of ets, auto.arima, thetaf point forecasts (no intervals)
comb <- (fc_mean$ets + fc_mean$auto_arima + fc_mean$thetaf) / 3
res <- matrix(NA_real_, length(ids), 4, dimnames = list(ids, c("smape", "mase", "cov80", "cov95")))
for (id in ids) {
  y <- test$value[test$series == id]; xv <- train$value[train$series == id]
  res[id, 1:2] <- c(smape(y, comb[id, ]), mase(y, comb[id, ], xv))
}
acc$comb_ets_arima_theta <- res

summ <- lapply(acc, function(r) list(
  smape = mean(r[, "smape"], na.rm = TRUE), mase = mean(r[, "mase"], na.rm = TRUE),
  coverage80_pct = if (all(is.na(r[, "cov80"]))) NULL else 100 * mean(r[, "cov80"], na.rm = TRUE),
  coverage95_pct = if (all(is.na(r[, "cov95"]))) NULL else 100 * mean(r[, "cov95"], na.rm = TRUE),
  n_series = sum(!is.na(r[, "smape"]))))
for (mn in names(summ)) { if (mn %in% names(times)) summ[[mn]]$seconds <- unname(times[mn])
  summ[[mn]] <- summ[[mn]][!vapply(summ[[mn]], is.null, TRUE)] }

out <- list(
  description = "Tourism yearly (518 series), h = 4, R forecast default settings. sMAPE = mean_h 200|y-f|/(|y|+|f|); MASE = mean_h |y-f| / mean |x_t - x_{t-1}| (training); coverage = % of test points inside the interval; all averaged over series. Combination = mean of ets, auto.arima, thetaf point forecasts.",
  calls = list(naive = "naive(x, h=4)", rwf_drift = "rwf(x, drift=TRUE, h=4)", ets = "forecast(ets(x), h=4)",
               auto_arima = "forecast(auto.arima(x), h=4)", thetaf = "thetaf(x, h=4)",
               comb_ets_arima_theta = "(ets + auto_arima + thetaf means) / 3"),
  r_version = R.version.string, forecast_version = as.character(packageVersion("forecast")),
  date = format(Sys.time(), "%Y-%m-%d"), n_series = length(ids), h = H,
  total_seconds = sum(times), summary = summ,
  errors = if (length(errors)) errors else NULL,
  per_series = lapply(acc, function(r) lapply(setNames(seq_len(nrow(r)), rownames(r)), function(i) as.list(r[i, ]))))
out <- out[!vapply(out, is.null, TRUE)]
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           "test/fixtures/r-reference/tourism-accuracy.json")
cat(sprintf("%-22s %7s %7s %6s %6s %6s\n", "method", "sMAPE", "MASE", "cov80", "cov95", "sec"))
for (mn in names(summ)) { s <- summ[[mn]]
  cat(sprintf("%-22s %7.2f %7.3f %6s %6s %6s\n", mn, s$smape, s$mase,
      if (is.null(s$coverage80_pct)) "" else sprintf("%.1f", s$coverage80_pct),
      if (is.null(s$coverage95_pct)) "" else sprintf("%.1f", s$coverage95_pct),
      if (is.null(s$seconds)) "" else sprintf("%.1f", s$seconds))) }
cat("total seconds:", sum(times), " errors:", length(errors), "\n")
