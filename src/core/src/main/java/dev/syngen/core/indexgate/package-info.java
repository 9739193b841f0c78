/**
 * The query/index gate: query sets and DDL scripts parsed and checked, plan statistics, baselines,
 * and the GO / NO-GO decision over a before and an after baseline, with its HTML report.
 */
package dev.syngen.core.indexgate;
