package org.reportremove.cases.boundary;

import org.reportremove.cases.entity.Location;

import java.util.List;

/** Every place a case names, for its owner. */
public record CaseLocations(String reference, List<Location> locations) {
}
