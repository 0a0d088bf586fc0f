/**
 * Age checks and the vocabulary of age assurance.
 */
package org.reportremove.agecheck.entity;
