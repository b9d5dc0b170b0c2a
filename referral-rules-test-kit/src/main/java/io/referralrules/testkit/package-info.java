/**
 * A test kit for rule authors (JUnit 5 + AssertJ, test scope): {@link io.referralrules.testkit.RuleTestKit} builds an
 * engine with extra DRL and assesses a snapshot on a day; {@link io.referralrules.testkit.AssessmentAssert} asserts
 * stage, actions, warnings and fired rules fluently.
 */
package io.referralrules.testkit;
