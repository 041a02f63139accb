# jackyun-sync image: build with the Maven wrapper, run on a JRE with the configuration beside the jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/jackyun-sync.jar ./target/jackyun-sync.jar
COPY --from=build /src/target/lib ./target/lib
COPY --from=build /src/target/hawtio ./target/hawtio
COPY application.properties ./
COPY routes routes
COPY schemes schemes
COPY migrations migrations
EXPOSE 8080
# the whole 256 MB from the start: the JVM would size its initial heap from the container's memory limit (1/64),
# and with -Xms as large as -Xmx G1 keeps it all committed, so peaks and GC time do not depend on a run's length
ENTRYPOINT ["java", "-Xms256m", "-Xmx256m", "-jar", "target/jackyun-sync.jar"]
