package org.reportremove.analysts.entity;

/**
 * What the analyst side learns of a case's concerns and of the young person's age assurance: flags that order
 * its work, never the details behind them.
 */
public enum PriorityFlag {
    THREATENED,
    AI_OR_ALTERED,
    KNOWS_WHO,
    AT_RISK,
    UNDER_13,
    SELF_DECLARED_AGE
}
