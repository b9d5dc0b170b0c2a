package io.referralrules.book;

import io.referralrules.api.ActionType;
import io.referralrules.api.CustomerSnapshot;
import io.referralrules.api.ReadinessAssessment;
import io.referralrules.api.ReferralReadinessEngine;
import io.referralrules.api.Stage;
import io.referralrules.api.WarningType;
import io.referralrules.engine.ReferralRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SampleBookTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final ReferralReadinessEngine ENGINE = ReferralRules.engine();

    @Test
    void theSameSeedGivesTheSameBookAnotherSeedAnother() {
        List<CustomerSnapshot> a = new SampleBook(7, AS_OF).customers(40).toList();
        List<CustomerSnapshot> b = new SampleBook(7, AS_OF).customers(40).toList();
        List<CustomerSnapshot> c = new SampleBook(8, AS_OF).customers(40).toList();

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(new SampleBook(7, AS_OF).customer(25, 40)).isEqualTo(a.get(25));
    }

    @Test
    void theFirstCustomersCoverEveryStageEveryBuiltInWarningAndEveryBuiltInAction() {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        Set<WarningType> warnings = EnumSet.noneOf(WarningType.class);
        Set<ActionType> actions = EnumSet.noneOf(ActionType.class);
        new SampleBook(1, AS_OF).customers(SampleBook.ARCHETYPES).forEach(s -> {
            ReadinessAssessment a = ENGINE.assess(s, AS_OF);
            stages.add(a.stage());
            a.warnings().forEach(w -> warnings.add(w.type()));
            a.actions().forEach(x -> actions.add(x.type()));
        });

        assertThat(stages).containsExactlyInAnyOrder(Stage.values());
        assertThat(warnings).containsAll(Arrays.stream(WarningType.values()).filter(w -> w != WarningType.HOST_WARNING).toList());
        assertThat(actions).containsAll(Arrays.stream(ActionType.values()).filter(x -> x != ActionType.HOST_ACTION).toList());
    }

    @Test
    void ownersAndTeamsScaleWithTheBook() {
        SampleBook sample = new SampleBook(1, AS_OF);

        assertThat(SampleBook.owners(60)).isEqualTo(4);
        assertThat(sample.teams(60)).containsEntry("rep-01", "North").containsEntry("rep-02", "South").hasSize(4);
        assertThat(SampleBook.owners(1_000_000)).isEqualTo(2000);
        assertThat(sample.teams(1_000_000).values().stream().distinct().count()).isEqualTo(200);
        assertThat(sample.customers(60).map(s -> s.customer().ownerId()).distinct()).hasSize(4);
    }
}
