#!/usr/bin/env Rscript
# Reference forecasts from R's forecast package for targetcast unit tests.
# Run from the repo root:  Rscript bench/r/reference.R
# Writes test/fixtures/r-reference/<id>.json (one file per series).
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

H <- 6
out_dir <- "test/fixtures/r-reference"
bench_dir <- Sys.getenv("M1_DIR", "/work/shared/bench")
if (!dir.exists(bench_dir)) bench_dir <- "bench/data"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

train <- read.csv(file.path(bench_dir, "m1-yearly-train.csv"), stringsAsFactors = FALSE)
test  <- read.csv(file.path(bench_dir, "m1-yearly-test.csv"),  stringsAsFactors = FALSE)

series <- list(
  A = list(label = "test vector A (Hai Phong real GRDP growth %, 2017..2024; values only a test vector)",
           start = 2017, x = c(14.01, 16.01, 16.68, 11.22, 12.38, 12.32, 10.34, 10.26), test = NULL),
  B = list(label = "test vector B (smooth upward trend, 12 points)", start = 1,
           x = c(100, 104, 109, 113, 120, 126, 131, 139, 146, 151, 160, 168), test = NULL)
)
ids <- sort(unique(train$series), method = "radix")[1:5]   # C-locale order: YAB1, YAB10, YAB11, YAB12, YAB2
ids <- c(ids, "YAI14")  # YAI14: strong exponential trend (~26%/yr, log-linear R^2 0.989 vs linear 0.80)
for (id in ids) {
  tr <- train[train$series == id, ]; tr <- tr[order(tr$year), ]
  te <- test[test$series == id, ];   te <- te[order(te$year), ]
  series[[id]] <- list(label = paste("M1 yearly series", id, if (id == "YAI14") "(strong exponential trend)" else ""),
                       start = min(tr$year), x = tr$value, test = te$value)
}

num <- function(v) as.numeric(v)
intervals <- function(fc) {
  lv <- as.numeric(fc$level)
  i80 <- which(lv == 80); i95 <- which(lv == 95)
  list(mean = num(fc$mean),
       lower80 = num(fc$lower[, i80]), upper80 = num(fc$upper[, i80]),
       lower95 = num(fc$lower[, i95]), upper95 = num(fc$upper[, i95]))
}
# ets-type model summary (works for true ets fits and for the HoltWintersZZ fallback)
ets_info <- function(m) {
  p <- m$par
  g <- function(nm) if (!is.null(p) && nm %in% names(p)) unname(p[[nm]]) else NULL
  r <- list(model_method = m$method,
            fallback_HoltWintersZZ = is.null(m$loglik),
            alpha = g("alpha"), beta = g("beta"), phi = g("phi"),
            l0 = g("l"), b0 = g("b"),
            par_all = as.list(p),
            sigma2 = m$sigma2, loglik = m$loglik, aic = m$aic, aicc = m$aicc, bic = m$bic,
            mse = m$mse, amse = m$amse,
            initstate = if (!is.null(m$initstate)) as.list(m$initstate) else NULL)
  r[!vapply(r, is.null, TRUE)]
}
named_list <- function(v) if (length(v)) as.list(v) else structure(list(), names = character(0))
arima_info <- function(m) list(
  order = unname(arimaorder(m)), coef = named_list(coef(m)),
  coef_se = named_list(suppressWarnings(sqrt(diag(m$var.coef)))),  # NaN (-> null) when var.coef is not positive
  sigma2 = m$sigma2, loglik = m$loglik, aic = m$aic, aicc = m$aicc, bic = m$bic,
  method_string = forecast:::as.character.Arima(m))

run <- function(call_str, extract) {
  warns <- character(0)
  res <- tryCatch(withCallingHandlers({
      fc <- eval(parse(text = call_str))
      c(list(call = call_str), intervals(fc), extract(fc))
    }, warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) list(call = call_str, error = conditionMessage(e)))
  if (length(warns)) res$warnings <- warns
  res
}

for (id in names(series)) {
  s <- series[[id]]
  x <- ts(s$x, start = s$start, frequency = 1)
  assign("x", x, envir = globalenv())
  m <- list()
  m$naive <- run("naive(x, h=6)", function(fc) list(sigma2 = fc$model$sigma2))
  m$rwf_drift <- run("rwf(x, drift=TRUE, h=6)", function(fc) list(
    drift = fc$model$par$drift, drift_se = fc$model$par$drift.se, sigma2 = fc$model$sigma2))
  m$holt <- run("holt(x, h=6)", function(fc) ets_info(fc$model))
  m$holt_damped <- run("holt(x, damped=TRUE, h=6)", function(fc) ets_info(fc$model))
  m$ses <- run("ses(x, h=6)", function(fc) ets_info(fc$model))
  m$ets <- run("forecast(ets(x), h=6)", function(fc) c(list(model = fc$model$method), ets_info(fc$model)))
  m$thetaf <- run("thetaf(x, h=6)", function(fc) list(
    alpha = unname(fc$model$alpha), drift = unname(fc$model$drift),
    sigma2 = unname(fc$model$sigma)))  # NB: forecast stores the SES sigma2 under the name 'sigma'
  m$tslm_trend <- run("forecast(tslm(ts(x) ~ trend), h=6)", function(fc) {
    fit <- tslm(ts(x) ~ trend); sm <- summary(fit)
    list(coef = as.list(coef(fit)), coef_se = as.list(sm$coefficients[, 2]),
         sigma = sm$sigma, df_residual = fit$df.residual)
  })
  m$arima100 <- run('forecast(Arima(x, order=c(1,0,0), include.mean=TRUE, method="ML"), h=6)',
                    function(fc) arima_info(fc$model))
  m$auto_arima <- run("forecast(auto.arima(x), h=6)", function(fc) arima_info(fc$model))

  obj <- list(id = id, label = s$label, start = s$start, frequency = 1, h = H,
              x = s$x, test = s$test,
              r_version = R.version.string, forecast_version = as.character(packageVersion("forecast")),
              methods = m)
  obj <- obj[!vapply(obj, is.null, TRUE)]
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"),
             file.path(out_dir, paste0(id, ".json")))
  cat(id, ": n =", length(s$x), " ets =", if (is.null(m$ets$model)) m$ets$error else m$ets$model,
      " auto.arima =", if (is.null(m$auto_arima$method_string)) m$auto_arima$error else m$auto_arima$method_string, "\n")
  for (k in names(m)) {
    if (!is.null(m[[k]]$error)) cat("   ERROR", k, ":", m[[k]]$error, "\n")
    if (!is.null(m[[k]]$warnings)) cat("   warning", k, ":", paste(unique(m[[k]]$warnings), collapse = " | "), "\n")
    if (isTRUE(m[[k]]$fallback_HoltWintersZZ)) cat("   NOTE", k, ": tiny-data fallback to HoltWintersZZ (not a state-space MLE/MSE fit)\n")
  }
}
