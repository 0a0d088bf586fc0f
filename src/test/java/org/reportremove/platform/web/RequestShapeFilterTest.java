package org.reportremove.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestShapeFilterTest {

    @Test
    void onlyExactMediaTypesWithKnownCharsetsDescribeABody() {
        for (String type : new String[]{"application/json", "application/json; charset=UTF-8",
                "application/x-www-form-urlencoded;charset=\"utf-8\"", "application/x-ndjson", "application/jose",
                "text/plain; charset=ISO-8859-1"}) {
            assertTrue(RequestShapeFilter.concreteMediaType(type), type);
        }
        for (String type : new String[]{null, "", "*/*", "application/*", "*/json", "json", "application/json/x",
                "application/x-www-form-urlencoded; charset=nope", "application/json; charset=", "application/json; x",
                "application/json; charset=\"\""}) {
            assertFalse(RequestShapeFilter.concreteMediaType(type), String.valueOf(type));
        }
    }

    @Test
    void everyPercentBeginsAnEscapeOfAPrintableCharacter() {
        for (String target : new String[]{null, "/api/v1/cases/RR-7K3P", "/a%20b", "max=10&x=%C3%A9"}) {
            assertTrue(RequestShapeFilter.wellFormedTarget(target), String.valueOf(target));
        }
        for (String target : new String[]{"/api/v1/cases/%zz", "/a%2", "/a%", "/a%00b", "/a%1Fb", "x=%7f", "/a\u0001"}) {
            assertFalse(RequestShapeFilter.wellFormedTarget(target), target);
        }
    }
}
