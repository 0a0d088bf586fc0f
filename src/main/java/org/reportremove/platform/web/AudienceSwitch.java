package org.reportremove.platform.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Switches off the API of an audience that this deployment does not serve (see {@link AudienceApi}).
 */
@Provider
public class AudienceSwitch implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        AudienceApi audience = resourceInfo.getResourceClass().getAnnotation(AudienceApi.class);
        if (audience == null) {
            return;
        }
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue("reportremove.api." + audience.value() + ".enabled", Boolean.class)
                .orElse(true);
        if (!enabled) {
            context.register((ContainerRequestFilter) request -> {
                throw new NotFoundException();
            });
        }
    }
}
