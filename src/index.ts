/**
 * The workbook's one public entry point. Notebooks import everything from here:
 * `import { loadDataset, defaultCleaning, show } from "../src";`
 */

// schema and utilities
export { COL, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, SEED, EVENT } from "./schema";
export type { ColumnName, EventRecord } from "./schema";
export { createRng } from "./util/rng";
export type { Rng } from "./util/rng";
export { DataError } from "./util/data-error";

// loading
export { loadDataset, DATASET_NAMES, defaultDataDir } from "./io/datasets";
export type { DatasetName, LoadDatasetOptions } from "./io/datasets";
export { loadMovieLens } from "./io/load-movielens";
export type { LoadMovieLensOptions, MovieLensVariant } from "./io/load-movielens";
export { loadSnapCheckins } from "./io/load-snap-checkins";
export type { LoadSnapCheckinsOptions } from "./io/load-snap-checkins";
export { loadFoursquareTsmc } from "./io/load-foursquare-tsmc";
export type { LoadFoursquareTsmcOptions } from "./io/load-foursquare-tsmc";
export { loadFoursquareTist } from "./io/load-foursquare-tist";
export type { LoadFoursquareTistOptions } from "./io/load-foursquare-tist";
export { loadTaobao, TAOBAO_BEHAVIORS } from "./io/load-taobao";
export type { LoadTaobaoOptions } from "./io/load-taobao";
export { loadEvents } from "./io/load-events";
export type { LoadEventsOptions } from "./io/load-events";
export { parseColumnMapping, checkColumnMapping } from "./io/parse-column-mapping";
export type { ColumnMapping } from "./io/parse-column-mapping";
export { parseTimestamp, parseIsoSeries, ISO_FORMATS } from "./io/parse-values";
export type { TsFormat } from "./io/parse-values";
export { droppedTotal, formatLoadReport } from "./io/load-report";
export type { LoadReport, DropReason } from "./io/load-report";
export { sampleUsers } from "./io/sample-users";
export { localTimeSource, DATASET_ZONES } from "./io/dataset-local-time";
export { datasetWindow, DATASET_WINDOWS } from "./io/dataset-window";
export type { TimeWindow, DatasetWindowOptions } from "./io/dataset-window";
export type { SampleUsersOptions } from "./io/sample-users";

// cleaning
export type { CleanStep, CleanResult } from "./clean/clean-report";
export type { NotedCleanStep } from "./clean/noted-step";
export { dropDuplicates } from "./clean/drop-duplicates";
export type { DropDuplicatesOptions } from "./clean/drop-duplicates";
export { handleMissing } from "./clean/handle-missing";
export type { HandleMissingOptions, MissingStrategy } from "./clean/handle-missing";
export { outlierBounds, quantileSorted } from "./clean/outlier-bounds";
export type { OutlierBounds, OutlierMethod } from "./clean/outlier-bounds";
export { removeOutliers } from "./clean/remove-outliers";
export type { RemoveOutliersOptions, RemoveOutliersResult } from "./clean/remove-outliers";
export { removeHyperactiveUsers } from "./clean/remove-hyperactive-users";
export type { RemoveHyperactiveUsersOptions, RemoveHyperactiveUsersResult, ActivityMeasure } from "./clean/remove-hyperactive-users";
export { dropImpossible, IMPOSSIBLE_REASONS } from "./clean/drop-impossible";
export type { DropImpossibleOptions } from "./clean/drop-impossible";
export { zoneOffsetMinutes, zoneLocalMs } from "./clean/zone-offset";
export { addLocalTime } from "./clean/add-local-time";
export type { AddLocalTimeOptions, AddLocalTimeResult, LocalTimeSource } from "./clean/add-local-time";
export { kCore } from "./clean/k-core";
export type { KCoreOptions, KCoreResult } from "./clean/k-core";
export { reportFrame } from "./clean/report-frame";
export { summarizeCleaning } from "./clean/report-summary";
export type { CleanSummary } from "./clean/report-summary";
export { cleanPipeline, runCleanStep } from "./clean/clean-pipeline";
export type { CleanStepFn, CleanStepSpec } from "./clean/clean-pipeline";
export { defaultCleaning } from "./clean/default-cleaning";
export type { DefaultCleaningOptions } from "./clean/default-cleaning";

// features and splits
export { addTimeFeatures, DEFAULT_DAY_PARTS } from "./features/add-time-features";
export type { AddTimeFeaturesOptions, DayPart } from "./features/add-time-features";
export { addSessions } from "./features/add-sessions";
export type { AddSessionsOptions } from "./features/add-sessions";
export { addRecency } from "./features/add-recency";
export type { AddRecencyOptions } from "./features/add-recency";
export { splitReport } from "./split/split-result";
export type { SplitReport, SplitResult, SplitPromise } from "./split/split-result";
export { globalTimeSplit } from "./split/global-time-split";
export type { GlobalTimeSplitOptions } from "./split/global-time-split";
export { leaveLastOut } from "./split/leave-last-out";
export type { LeaveLastOutOptions } from "./split/leave-last-out";
export { randomRatioSplit } from "./split/random-ratio-split";
export type { RandomRatioSplitOptions } from "./split/random-ratio-split";
export { validateSplit } from "./split/validate-split";
export { splitReportFrame } from "./split/split-report-frame";
export type { ValidateSplitOptions } from "./split/validate-split";

// the embedded default dataset
export { generateEvents } from "./generate/generate-events";
export type { GenerateResult } from "./generate/generate-events";
export { GENERATE_DEFAULTS, resolveGenerateOptions } from "./generate/defaults";
export type { GenerateOptions } from "./generate/defaults";
export { formatEventsCsv } from "./generate/events-csv";
export type { FormatEventsCsvOptions } from "./generate/events-csv";
export { formatTruthJson } from "./generate/truth-json";
export type {
  GroundTruth, ResolvedGenerateOptions, DirtyKind, ContextRuleTruth, SequenceRuleTruth, AnomalyTruth,
  DriftTruth, HotspotTruth, PoiTruth, UserTruth, PurchaseCycleTruth, RuleRealised,
} from "./generate/truth";
export { CATEGORIES, REGIONS, TZ_OFFSET_MIN } from "./generate/city-config";
export type { Category } from "./generate/city-config";
export { DIRTY_DEFINITIONS } from "./generate/dirt";

// charts
export type { PlotlyFigure } from "./viz/figure";
export { PALETTE, OTHER_COLOR, baseLayout, baseConfig, axisTitle, makeFigure } from "./viz/layout-defaults";
export { TS_LOCAL, pickTimeColumn } from "./viz/time-column";
export type { TimeColumn } from "./viz/time-column";
export { sampleIndices } from "./viz/sample-indices";
export { activityOverTimeFigure } from "./viz/activity-over-time";
export type { ActivityFreq, ActivityOverTimeOptions } from "./viz/activity-over-time";
export { hourWeekdayHeatmapFigure, WEEKDAYS } from "./viz/hour-weekday-heatmap";
export type { HourWeekdayHeatmapOptions } from "./viz/hour-weekday-heatmap";
export { geoScatterFigure } from "./viz/geo-scatter";
export type { GeoScatterOptions } from "./viz/geo-scatter";
export { userActivityFigure } from "./viz/user-activity";
export type { UserActivityOptions } from "./viz/user-activity";
export { cleaningReportFigure } from "./viz/cleaning-report";
export type { CleaningReportOptions } from "./viz/cleaning-report";
export { barFigure } from "./viz/bar-figure";
export type { BarFigureOptions } from "./viz/bar-figure";
export { lineFigure } from "./viz/line-figure";
export type { LineFigureOptions } from "./viz/line-figure";
export { lossCurveFigure } from "./viz/loss-curve";
export type { EpochLog, TfjsHistoryLike, LossCurveOptions } from "./viz/loss-curve";

// notebooks
export {
  show, ensurePlotly, showTable, tableHtml, record, RECORD_MIME, readParams, PROJECT_ROOT, displayBundle, inKernel,
} from "./notebook";
export type { ShowOptions, ShowTableOptions, RecordValue, NotebookParams, MimeBundle } from "./notebook";
export { setupNotebook } from "./notebook/setup-notebook";
export { trainingMonitor } from "./notebook/training-monitor";
export type { TrainingMonitor, TrainingMonitorOptions } from "./notebook/training-monitor";
export type { NotebookContext } from "./notebook/setup-notebook";

// TensorFlow.js runtime
export { BACKEND_ORDER, TF_BACKEND_ALIASES, parseBackendRequest } from "./runtime/backend-name";
export type { BackendName } from "./runtime/backend-name";
export { initTf } from "./runtime/tf-backend";
export type { TfInfo, InitTfOptions, BackendAttempt } from "./runtime/tf-backend";
export { describeBackend } from "./runtime/describe-backend";
export { seedTf } from "./runtime/seed-tf";
export type { TfSeeds, TfInitializer, SeedTfOptions } from "./runtime/seed-tf";

// interop
export { toDanfo, fromDanfo } from "./interop/danfo-bridge";
export type { ToDanfoOptions, FromDanfoOptions } from "./interop/danfo-bridge";

// pipeline and ground truth
export { prepareEvents } from "./pipeline/prepare-events";
export type { PreparedEvents } from "./pipeline/prepare-events";
export { readGroundTruth } from "./generate/read-ground-truth";
export { precisionRecall } from "./util/precision-recall";
export type { PrecisionRecall } from "./util/precision-recall";

// time series: series, periodicity, decomposition, anomalies
export { FREQ_MS, checkFreq, floorToFreq, freqOfStep } from "./timeseries/series-freq";
export type { SeriesFreq } from "./timeseries/series-freq";
export { eventSeries } from "./timeseries/event-series";
export type { EventSeriesOptions } from "./timeseries/event-series";
export { seriesValues } from "./timeseries/series-values";
export type { SeriesValuesOptions, RegularSeries } from "./timeseries/series-values";
export { acf, pacf } from "./timeseries/acf";
export type { AcfOptions, AcfResult } from "./timeseries/acf";
export { fft } from "./timeseries/fft";
export { detrend } from "./timeseries/detrend";
export type { DetrendMethod } from "./timeseries/detrend";
export { periodogram } from "./timeseries/periodogram";
export type { PeriodogramOptions, PeriodogramPeak, PeriodogramResult } from "./timeseries/periodogram";
export { stl } from "./timeseries/stl";
export type { StlOptions, StlResult } from "./timeseries/stl";
export { classicalDecomposition } from "./timeseries/classical-decomposition";
export type { ClassicalDecompositionOptions, ClassicalDecomposition } from "./timeseries/classical-decomposition";
export { repeatCycle } from "./timeseries/repeat-cycle";
export type { RepeatCycleOptions } from "./timeseries/repeat-cycle";
export { studentTCdf, studentTQuantile } from "./timeseries/student-t";
export { robustZScore, median } from "./timeseries/robust-z";
export type { RobustZOptions, RobustZResult } from "./timeseries/robust-z";
export { generalizedEsd } from "./timeseries/generalized-esd";
export type { GeneralizedEsdOptions, GeneralizedEsdResult } from "./timeseries/generalized-esd";
export { seasonalAnomalies } from "./timeseries/seasonal-anomalies";
export type { SeasonalAnomaliesOptions, SeasonalAnomaliesResult } from "./timeseries/seasonal-anomalies";
export { seriesAnomalies } from "./timeseries/series-anomalies";
export type { SeriesAnomaliesOptions } from "./timeseries/series-anomalies";

// time series: the ARIMA family
export { diff, undiff } from "./timeseries/difference";
export type { DiffOptions } from "./timeseries/difference";
export { boxCox, invBoxCox, guerreroLambda } from "./timeseries/box-cox";
export { seasonalStrength, nsdiffs } from "./timeseries/seasonal-strength";
export { kpssTest, ndiffs } from "./timeseries/kpss";
export type { KpssResult } from "./timeseries/kpss";
export type { ArimaModel, ArimaMethod, SeasonalSpec } from "./timeseries/arima-model";
export { fitArima } from "./timeseries/arima-fit";
export type { FitArimaOptions } from "./timeseries/arima-fit";
export { forecast } from "./timeseries/arima-forecast";
export type { ForecastOptions, ArimaForecast, ForecastInterval } from "./timeseries/arima-forecast";
export { autoArima } from "./timeseries/auto-arima";
export type { AutoArimaOptions, AutoArimaModel } from "./timeseries/auto-arima";
export { ljungBox } from "./timeseries/ljung-box";
export { arimaCoefficients, arimaSummaryLine } from "./timeseries/arima-summary";
export { loadSeriesCsv } from "./io/load-series-csv";
export type { LjungBoxOptions, LjungBoxResult } from "./timeseries/ljung-box";
export { normalQuantile, normalCdf, chiSquareCdf } from "./timeseries/special-functions";

// forecasting comparison and the GRU
export { mae, rmse, smape, mase } from "./timeseries/forecast-metrics";
export { seasonalNaive, seasonalNaiveForecaster } from "./timeseries/seasonal-naive";
export { rollingOrigin, autoArimaForecaster } from "./timeseries/rolling-origin";
export type { Forecaster, RollingOriginOptions, RollingOriginResult } from "./timeseries/rolling-origin";
export { fitGruForecaster, disposeGruForecaster } from "./models/gru/gru-forecaster";
export type { GruForecaster, GruForecasterOptions } from "./models/gru/gru-forecaster";
export { forecastGru, gruForecaster } from "./models/gru/forecast-gru";
export { saveGruForecaster, loadGruForecaster } from "./models/gru/gru-io";
export type { SavedGruForecaster } from "./models/gru/gru-io";
export { fitNextCategory, disposeNextCategory } from "./models/gru/next-category";
export type { NextCategoryModel, NextCategoryOptions } from "./models/gru/next-category";
export { predictNextCategory, nextCategoryProbabilities } from "./models/gru/next-category-predict";
export { evaluateNextCategory } from "./models/gru/next-category-eval";
export type { NextCategoryEvaluation, EvaluateNextCategoryOptions } from "./models/gru/next-category-eval";
export { holdOutUsers } from "./models/gru/hold-out-users";
export type { HoldOutUsersOptions } from "./models/gru/hold-out-users";
export { bucketDates, anomalyRecovery, cycleRecovery } from "./generate/truth-recovery";
export type { CycleRecovery } from "./generate/truth-recovery";

// time-series charts
export { tsAcfFigure, tsAcfPacfFigure } from "./viz/ts-acf";
export { tsAnomaliesFigure } from "./viz/ts-anomalies";
export { tsCycleFigure } from "./viz/ts-cycle";
export { seriesDates } from "./viz/ts-dates";
export { tsDecompositionFigure } from "./viz/ts-decomposition";
export { tsForecastFigure } from "./viz/ts-forecast";
export { tsMetricsComparisonFigure } from "./viz/ts-metrics-comparison";
export { tsPeriodogramFigure } from "./viz/ts-periodogram";
export type { TsAcfOptions } from "./viz/ts-acf";
export { periodLabel } from "./viz/ts-periodogram";
export type { TsPeriodogramOptions } from "./viz/ts-periodogram";
export type { DecompositionComponents, TsDecompositionOptions } from "./viz/ts-decomposition";
export type { TsAnomaliesOptions } from "./viz/ts-anomalies";
export type { ForecastLike, TsForecastOptions } from "./viz/ts-forecast";
export type { TsMetricsComparisonOptions } from "./viz/ts-metrics-comparison";
export type { TsCycleOptions } from "./viz/ts-cycle";

// spatial analysis
export { EARTH_RADIUS_M, haversine, haversineTo, haversinePairs } from "./spatial/haversine";
export { validateCoordinates, readCoordinates } from "./spatial/coordinates";
export type { CoordinateColumns } from "./spatial/coordinates";
export { localPlane, planeCentre, toLocalPlane, fromLocalPlane } from "./spatial/local-plane";
export type { LocalPlane } from "./spatial/local-plane";
export { geohashEncode, geohashDecode, geohashAdjacent, geohashNeighbours, addGeohash } from "./spatial/geohash";
export type { GeohashBox, GeohashNeighbours, AddGeohashOptions } from "./spatial/geohash";
export { boundingBox, makeGrid, gridCellIds, gridCellCentres, addGridCells } from "./spatial/grid-cells";
export type { BoundingBox, GridSpec, AddGridCellsOptions } from "./spatial/grid-cells";
export { dbscan, addDbscanClusters } from "./spatial/dbscan";
export type { DbscanOptions, DbscanResult, AddDbscanClustersOptions } from "./spatial/dbscan";
export { kmeans, addKmeansClusters } from "./spatial/kmeans";
export type { KmeansOptions, KmeansResult, AddKmeansClustersOptions } from "./spatial/kmeans";
export { gridWeights } from "./spatial/spatial-weights";
export type { SpatialWeights, WeightScheme, GridShape } from "./spatial/spatial-weights";
export { giStar, giStarHotspots } from "./spatial/getis-ord";
export type { GiStarHotspotsOptions } from "./spatial/getis-ord";
export { homeLocations } from "./spatial/home-location";
export type { HomeLocationsOptions } from "./spatial/home-location";
export { radiusOfGyration, gyration } from "./spatial/radius-of-gyration";
export type { RadiusOfGyrationOptions } from "./spatial/radius-of-gyration";
export { userMobility } from "./spatial/mobility";
export type { UserMobilityOptions } from "./spatial/mobility";
export { hotspotMapFigure, Z_COLORSCALE } from "./viz/hotspot-map";
export type { HotspotMapOptions } from "./viz/hotspot-map";
export { clusterMapFigure } from "./viz/cluster-map";
export type { ClusterMapOptions } from "./viz/cluster-map";

// frequent itemsets and association rules
export { encodeTransactions } from "./patterns/transactions";
export type { Transactions } from "./patterns/transactions";
export { readFimi } from "./patterns/read-fimi";
export { readBasketCsv } from "./patterns/read-basket-csv";
export type { ReadBasketCsvOptions } from "./patterns/read-basket-csv";
export type { BasketInput, SupportOptions } from "./patterns/support-threshold";
export { fpGrowth, fpGrowthRaw, countItemsets } from "./patterns/fpgrowth";
export type { FpGrowthOptions } from "./patterns/fpgrowth";
export type { FrequentItemsets, ItemsetCounts } from "./patterns/itemset-sink";
export { itemsetsToFrame } from "./patterns/itemsets-frame";
export { apriori, aprioriRaw } from "./patterns/apriori";
export type { AprioriOptions } from "./patterns/apriori";
export { associationRules } from "./patterns/association-rules";
export type { AssociationRulesOptions, RuleMode } from "./patterns/association-rules";
export { RULE_METRICS } from "./patterns/rule-metrics";
export type { RuleMetric } from "./patterns/rule-metrics";

// spatio-temporal transactions, sequential and periodic patterns
export { buildBaskets } from "./patterns/st-transactions";
export type { BuildBasketsOptions, StBaskets, ItemAs, BasketBy } from "./patterns/st-transactions";
export { BASKET_MODES } from "./patterns/st-basket-keys";
export { ST_PREFIX, CONTEXT_PREFIXES, isContextToken, tokenKind } from "./patterns/st-tokens";
export type { TokenKind } from "./patterns/st-tokens";
export { countRule } from "./patterns/st-count-rule";
export type { RuleCount } from "./patterns/st-count-rule";
export { addContextTokens, classifyRules, CONTEXT_KINDS } from "./patterns/context-items";
export type { ContextKind, AddContextTokensOptions, ClassifyRulesOptions } from "./patterns/context-items";
export { sequentialRules } from "./patterns/sequential-rules";
export type { SequentialRulesOptions, SeqSupportBasis, SeqBaseline } from "./patterns/sequential-rules";
export { periodicPatterns } from "./patterns/periodic-patterns";
export type { PeriodicPatternsOptions } from "./patterns/periodic-patterns";
export { periodicSummary } from "./patterns/periodic-summary";
export type { PeriodicSummary, PeriodicSummaryOptions } from "./patterns/periodic-summary";
export { ruleScatterFigure } from "./viz/rule-scatter";
export type { RuleScatterOptions } from "./viz/rule-scatter";
export { ruleNetworkFigure } from "./viz/rule-network";
export type { RuleNetworkOptions } from "./viz/rule-network";
export { sequenceRulesFigure, formatDelay } from "./viz/sequence-rules-figure";
export type { SequenceRulesFigureOptions } from "./viz/sequence-rules-figure";

// recommenders and their evaluation
export type { FittedModel, RecommendOptions, Recommender, SavedModel, SyncRecommender } from "./recommend/recommender";
export { popularity } from "./recommend/popularity";
export type { PopularityOptions, PopularityModel } from "./recommend/popularity";
export { itemKnn } from "./recommend/item-knn";
export type { ItemKnnOptions, ItemKnnModel } from "./recommend/item-knn";
export { userKnn } from "./recommend/user-knn";
export type { UserKnnOptions, UserKnnModel } from "./recommend/user-knn";
export { bprMf } from "./recommend/bpr-mf";
export type { BprMfOptions, BprMfModel } from "./recommend/bpr-mf";
export { withOptions } from "./recommend/with-options";
export { indexInteractions, encodeIds, decodeIds, sortedIds } from "./recommend/id-index";
export type { Interactions, IndexInteractionsOptions, MergeRule } from "./recommend/id-index";
export { topK, TopKHeap } from "./recommend/top-k";
export type { TopK, TopKOptions } from "./recommend/top-k";
export { recsFrame, RECS_COL } from "./recommend/recs-frame";
export type { UserTopK } from "./recommend/recs-frame";
export { recommendUsers } from "./recommend/recommend-users";
export type { UserScorer } from "./recommend/recommend-users";
export { fitBase, BASE_ARRAYS } from "./recommend/fitted-base";
export type { BaseFitted, BaseFitOptions } from "./recommend/fitted-base";
export { saveFitted, loadFitted } from "./recommend/model-io";
export { cosineNeighbors } from "./recommend/cosine-neighbors";
export type { CosineNeighborsOptions } from "./recommend/cosine-neighbors";
export { describeProtocol, validateProtocol, splitByProtocol } from "./evaluate/protocol";
export type { EvalProtocol } from "./evaluate/protocol";
export { evaluate } from "./evaluate/evaluate";
export type { EvaluateContext } from "./evaluate/evaluate";
export { evaluateTopK } from "./evaluate/evaluate-top-k";
export type { TruthSets, RankedLists, EvaluateTopKOptions } from "./evaluate/evaluate-top-k";
export { METRICS, getMetric, lowerIsBetter } from "./evaluate/metrics";
export { metricKey } from "./evaluate/metric";
export type { MetricName, AccuracyMetric, ListMetric, ListContext } from "./evaluate/metric";
export { metricAtK, recallAtK, precisionAtK, hrAtK, ndcgAtK, mrrAtK, mapAtK } from "./evaluate/metric-at-k";
export type { MetricAtKOptions } from "./evaluate/metric-at-k";
export { truthSets, rankedLists, dropTrainPairs, itemSpace } from "./evaluate/top-k-lists";
export { excludePairs } from "./evaluate/exclude-pairs";
export { sampleCandidates } from "./evaluate/sample-candidates";
export { compareRecommenders } from "./evaluate/compare-recommenders";
export type { CompareRecommendersOptions } from "./evaluate/compare-recommenders";
export { loadUserItemLists } from "./io/load-user-item-lists";
export type { LoadUserItemListsOptions } from "./io/load-user-item-lists";

// the rule-based recommender
export type { ContextRule, SequenceRule, RuleModel } from "./recommend/rule-model";
export { buildRuleModel } from "./recommend/rule-build";
export type { RuleFrames, BuildRuleModelOptions } from "./recommend/rule-build";
export { parseContextRules, parseSequenceRules } from "./recommend/rule-parse";
export type { RuleSkips } from "./recommend/rule-parse";
export type { RuleQuery, RuleVisit } from "./recommend/rule-query";
export type { RuleWeight, RuleCombine } from "./recommend/rule-score";
export type { RecommendWithRulesOptions } from "./recommend/rule-options";
export { recommendWithRules, recommendCategoriesWithRules } from "./recommend/rule-recommend";
export { explainContextRule, explainSequenceRule, antecedentPhrase, formatRuleMetric, formatMinutes } from "./recommend/rule-explain";
export { mineRecommendationRules } from "./recommend/rule-mine";
export type { MineRecommendationRulesOptions, MinedRules } from "./recommend/rule-mine";
export { poiRegions, withItemRegions } from "./recommend/rule-regions";
export { eventQueries } from "./recommend/rule-event-queries";
export type { EventQueriesOptions } from "./recommend/rule-event-queries";
export { ruleRecommender, fitRuleRecommender } from "./recommend/rule-recommender";
export type { RuleRecommenderOptions } from "./recommend/rule-recommender";
export { evaluateRuleRecommender } from "./recommend/rule-recommender-evaluate";
export type { EvaluateRuleRecommenderOptions, RuleEvaluation } from "./recommend/rule-recommender-evaluate";

// the spatio-temporal graph and graph embeddings
export { csrFromEdges, transposeCsr, isSymmetricCsr, csrToDense } from "./graph/csr";
export type { Csr, EdgeList, CsrFromEdgesOptions } from "./graph/csr";
export { spmm } from "./graph/csr-multiply";
export { normalizeAdjacency } from "./graph/normalize-adjacency";
export { csrDegrees, degreeStats } from "./graph/degree-stats";
export type { DegreeStats } from "./graph/degree-stats";
export { buildStGraph, stAdjacency } from "./graph/st-graph";
export type { StGraph, StGraphOptions, StAdjacencyOptions } from "./graph/st-graph";
export { itemItemGraph } from "./graph/item-item-graph";
export type { ItemItemGraph, ItemItemGraphOptions } from "./graph/item-item-graph";
export { graphDegreeFrame } from "./graph/graph-degree-frame";
export { graphSubset } from "./graph/graph-subset";
export type { GraphSubset, GraphSubsetOptions } from "./graph/graph-subset";
export { forceLayout } from "./graph/force-layout";
export { pca } from "./graph/pca";
export type { PcaOptions, PcaResult } from "./graph/pca";
export { projectEmbeddings } from "./graph/project-embeddings";
export { graphDegreeFigure } from "./viz/graph-degree";
export { graphSubsetFigure } from "./viz/graph-subset";
export { embeddingMapFigure } from "./viz/embedding-map";
export type { EmbeddingMapOptions } from "./viz/embedding-map";
export { lightGcn } from "./recommend/lightgcn";
export type { LightGcnRecommender } from "./recommend/lightgcn";
export { stLightGcn } from "./recommend/gcn";
export type { StLightGcnOptions } from "./recommend/gcn";
export type { LightGcnOptions, LightGcnModel } from "./recommend/lightgcn-fit";
export { fullRankingEval, sampleTruthUsers } from "./recommend/lightgcn-eval";
export type { FullRankingEvalOptions, FullRankingResult } from "./recommend/lightgcn-eval";
export { holdOutEntries } from "./graph/hold-out-entries";
export type { HeldOutEntries } from "./graph/hold-out-entries";
export { readTrainingCurves } from "./recommend/training-curves";
export type { TrainingRun } from "./recommend/training-curves";
export { trainingCurvesFigure } from "./viz/training-curves-figure";
export type { TrainingCurvesFigureOptions } from "./viz/training-curves-figure";
export { embeddingsFrame } from "./graph/embeddings-frame";
export type { EmbeddingsFrameOptions } from "./graph/embeddings-frame";
