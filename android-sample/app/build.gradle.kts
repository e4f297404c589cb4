plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.compose.compiler)
}

android {
    namespace = "org.fanzha.sample"
    compileSdk = 35

    defaultConfig {
        applicationId = "org.fanzha.sample"
        // CallScreeningService with RoleManager.ROLE_CALL_SCREENING and
        // Call.Details.getCallDirection() need API 29.
        minSdk = 29
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
    }

    buildTypes {
        release {
            // A sample for testers: keep it debuggable-looking and unshrunk
            // so stack traces read plainly. (With R8 on, the AAR's
            // consumer-rules.pro keeps JNA and the bindings.)
            isMinifyEnabled = false
            signingConfig = signingConfigs.getByName("debug")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures {
        compose = true
    }

    packaging {
        jniLibs.keepDebugSymbols += "**/libfanzha_ffi.so"
    }
}

kotlin {
    jvmToolchain(17)
}

dependencies {
    val aar = providers.gradleProperty("fanzha.aar")
    if (aar.isPresent) {
        // A prebuilt AAR: a file dependency carries no transitive
        // dependencies, so add the ones the bindings need.
        implementation(files(aar.get()))
        implementation("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
        implementation(libs.androidx.annotation)
    } else {
        implementation(project(":fanzha"))
        // The module declares JNA as `implementation`; the app calls the
        // generated classes, which extend JNA types, so it needs JNA too.
        implementation("net.java.dev.jna:jna:${libs.versions.jna.get()}@aar")
    }

    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.lifecycle.runtime.compose)
    implementation(platform(libs.androidx.compose.bom))
    implementation(libs.androidx.compose.ui)
    implementation(libs.androidx.compose.ui.tooling.preview)
    implementation(libs.androidx.compose.material3)
    implementation(libs.kotlinx.coroutines.android)
    debugImplementation(libs.androidx.compose.ui.tooling)
}
