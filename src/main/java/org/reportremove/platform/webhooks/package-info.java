/**
 * Webhooks out: the helpline's events and device notifications, taken from the outbox, fanned out to each partner's
 * subscription, sent as signed CloudEvents (Standard Webhooks) at least once with back-off, and the operators' view.
 */
package org.reportremove.platform.webhooks;
