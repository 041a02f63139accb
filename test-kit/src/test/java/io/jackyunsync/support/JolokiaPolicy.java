package io.jackyunsync.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The exec allow list of the console's jolokia-access.xml, read as Jolokia reads it (an MBean name or pattern, and
 * operation strings in which "*" stands for any characters), to ask Jolokia for every operation it does not list.
 */
public final class JolokiaPolicy {

    private final Map<ObjectName, List<String>> allowed;

    private JolokiaPolicy(Map<ObjectName, List<String>> allowed) {
        this.allowed = allowed;
    }

    public static JolokiaPolicy load() throws Exception {
        Map<ObjectName, List<String>> allowed = new LinkedHashMap<>();
        try (InputStream in = JolokiaPolicy.class.getResourceAsStream("/console/jolokia-access.xml")) {
            NodeList mbeans = ((Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("allow").item(0)).getElementsByTagName("mbean");
            for (int i = 0; i < mbeans.getLength(); i++) {
                Element mbean = (Element) mbeans.item(i);
                List<String> operations = new ArrayList<>();
                NodeList ops = mbean.getElementsByTagName("operation");
                for (int j = 0; j < ops.getLength(); j++) {
                    operations.add(ops.item(j).getTextContent().trim());
                }
                allowed.put(new ObjectName(mbean.getElementsByTagName("name").item(0).getTextContent().trim()), operations);
            }
        }
        return new JolokiaPolicy(allowed);
    }

    public boolean allows(ObjectName mbean, String operation) {
        return allowed.entrySet().stream().anyMatch(e -> e.getKey().apply(mbean) && e.getValue().stream()
                .anyMatch(p -> p.equals(operation) || p.contains("*") && operation.matches(p.replace("*", ".*"))));
    }

    /**
     * An exec request for every operation, with its signature, of the MBeans in a Jolokia list answer (up to three
     * MBeans of each domain and type) that the policy does not allow; each with one argument more than the operation
     * takes, so that none could run even if Jolokia let it through.
     */
    public List<Map<String, Object>> operationsOutside(JsonNode list) throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        Map<String, Integer> perType = new HashMap<>();
        for (var domain : (Iterable<Map.Entry<String, JsonNode>>) list::fields) {
            for (var bean : (Iterable<Map.Entry<String, JsonNode>>) domain.getValue()::fields) {
                ObjectName name = new ObjectName(domain.getKey() + ":" + bean.getKey());
                if (perType.merge(domain.getKey() + "/" + name.getKeyProperty("type"), 1, Integer::sum) > 3) {
                    continue;
                }
                for (var op : (Iterable<Map.Entry<String, JsonNode>>) bean.getValue().path("op")::fields) {
                    for (JsonNode overload : op.getValue().isArray() ? op.getValue() : List.of(op.getValue())) {
                        List<String> types = new ArrayList<>();
                        overload.path("args").forEach(a -> types.add(a.path("type").asText()));
                        String operation = op.getKey() + "(" + String.join(",", types) + ")";
                        if (!allows(name, operation)) {
                            List<Object> arguments = new ArrayList<>();
                            for (int i = 0; i <= types.size(); i++) {
                                arguments.add("x");
                            }
                            requests.add(Map.of("type", "exec", "mbean", name.toString(), "operation", operation, "arguments", arguments));
                        }
                    }
                }
            }
        }
        return requests;
    }
}
