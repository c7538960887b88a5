package dev.gatewaysdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.canary.AnalysisCheck.Unit;
import org.junit.jupiter.api.Test;

class MeasurementTest {
  private static AnalysisCheck check(Unit unit, double min, double max) {
    return AnalysisCheck.builder("c", "p").unit(unit).min(min).max(max).build();
  }

  @Test
  void refusalsReadInTheChecksUnitAndNameTheBoundCrossed() {
    assertThat(Measurement.of(check(Unit.SECONDS, 0, 0.5), 0.807).message())
        .isEqualTo("807 ms > max 500 ms");
    assertThat(Measurement.of(check(Unit.SECONDS, 0, 2), 2.25).message())
        .isEqualTo("2.25 s > max 2 s");
    assertThat(Measurement.of(check(Unit.RATIO, 0.99, 1), 0.9813).message())
        .isEqualTo("98.13% < min 99%");
    assertThat(Measurement.of(check(Unit.PERCENT, 0, 5), 12.5).message())
        .isEqualTo("12.5% > max 5%");
    assertThat(Measurement.of(check(Unit.MILLISECONDS, 0, 250), 300).message())
        .isEqualTo("300 ms > max 250 ms");
    assertThat(Measurement.of(check(Unit.PER_SECOND, 10, 1000), 2.5).message())
        .isEqualTo("2.5/s < min 10/s");
    assertThat(Measurement.of(check(Unit.NONE, 0, 0.5), 0.807).message())
        .isEqualTo("0.807 > max 0.5");
  }

  @Test
  void anAcceptedValueHasNoMessageAndKeepsItsRawValue() {
    Measurement ok = Measurement.of(check(Unit.RATIO, 0, 0.05), 0.01);
    assertThat(ok.verdict()).isEqualTo(Measurement.Verdict.SUCCESS);
    assertThat(ok.message()).isEmpty();
    assertThat(ok.value()).hasValue(0.01);
    assertThat(ok).hasToString("SUCCESS 1%");
    assertThat(Measurement.of(check(Unit.SECONDS, 0, 0.1), 0.25))
        .hasToString("FAILURE 250 ms (250 ms > max 100 ms)");
  }

  @Test
  void rangesAndChecksDescribeThemselvesInTheirUnit() {
    AnalysisCheck latency =
        AnalysisCheck.builder("p95", "gateway").max(0.5).unit(Unit.SECONDS).build();
    assertThat(latency.toString()).contains("value <= 500 ms");
    assertThat(latency).isNotEqualTo(AnalysisCheck.builder("p95", "gateway").max(0.5).build());
  }

  @Test
  void unitsParseAsPlansWriteThemAndOthersAreRefusedWithTheChoices() {
    assertThat(Unit.parse("per-second")).isEqualTo(Unit.PER_SECOND);
    assertThat(Unit.parse("Ratio")).isEqualTo(Unit.RATIO);
    assertThatThrownBy(() -> Unit.parse("furlongs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown unit furlongs; expected none, ratio, percent, seconds, milliseconds or per-second");
  }

  @Test
  void aPlanCarriesItsChecksUnitThroughYamlAndJson() {
    String yaml =
        String.join(
            "\n",
            "routes: [shop/web]",
            "stable: a",
            "canary: b",
            "steps:",
            "  - setWeight: 10",
            "  - analysis: [{name: p95, provider: gateway, max: 0.5, unit: seconds}, {name: rps, provider: gateway, min: 5, unit: per-second}]",
            "");
    CanaryPlan plan = CanaryPlan.parse(yaml);
    AnalysisCheck p95 = plan.steps().get(1).checks().get(0);
    assertThat(p95.unit()).isEqualTo(Unit.SECONDS);
    assertThat(plan.steps().get(1).checks().get(1).unit()).isEqualTo(Unit.PER_SECOND);
    assertThat(CanaryPlan.parse(plan.toString())).isEqualTo(plan);
    assertThat(
            CanaryPlan.parse(yaml.replace(", unit: seconds", ""))
                .toJson()
                .at("/steps/1/analysis/0")
                .has("unit"))
        .as("a check without a unit keeps the plan's JSON form of earlier releases")
        .isFalse();
    assertThatThrownBy(() -> CanaryPlan.parse(yaml.replace("unit: seconds", "unit: hours")))
        .isInstanceOf(InvalidPlanException.class)
        .satisfies(
            e ->
                assertThat(((InvalidPlanException) e).problems())
                    .containsExactly(
                        "steps[1].analysis[0]: unknown unit hours; expected none, ratio, percent, seconds, milliseconds or per-second"));
  }
}
