package org.reportremove.agecheck.boundary;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.agecheck.control.DevelopmentAgeProvider;

/**
 * Makes the development provider's addresses answer 404, before their bodies are read or validated, wherever
 * the development provider is off: they then look exactly like addresses that do not exist.
 */
@Provider
public class DevelopmentProviderSwitch implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceClass() == DevelopmentAgeProviderResource.class
                && !DevelopmentAgeProvider.isEnabled(ConfigProvider.getConfig())) {
            context.register((ContainerRequestFilter) request -> {
                throw new NotFoundException();
            });
        }
    }
}
