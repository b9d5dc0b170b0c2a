package io.referralrules.benchmarks; public final class Main { public static void main(String[] a) {} }
