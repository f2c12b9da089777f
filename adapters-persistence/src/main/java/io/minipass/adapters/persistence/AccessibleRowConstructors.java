package io.minipass.adapters.persistence;

import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MyBatis's object factory, with this module's row records built
 * through constructors made accessible once.
 * MyBatis's own first calls a row's constructor as it is, and a package-private record's refuses: an
 * exception built, with its stack trace, for every row read (docs/design.md, ADR-17).
 */
final class AccessibleRowConstructors extends DefaultObjectFactory {
    private final Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
        if (argTypes == null || args == null || !type.getPackageName().startsWith(getClass().getPackageName())) {
            return super.create(type, argTypes, args);
        }
        Signature signature = new Signature(type, argTypes);
        Constructor<?> constructor = constructors.get(signature);
        if (constructor == null) {
            // The key keeps a copy: MyBatis's list of argument types is not ours to hold.
            constructor = constructors.computeIfAbsent(new Signature(type, List.copyOf(argTypes)),
                    AccessibleRowConstructors::accessible);
        }
        try {
            return type.cast(constructor.newInstance(args.toArray()));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException failure) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from a row", failure);
        }
    }

    private static Constructor<?> accessible(Signature signature) {
        try {
            Constructor<?> constructor = signature.type().getDeclaredConstructor(signature.argTypes().toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException missing) {
            throw new IllegalStateException("no constructor of " + signature.type().getSimpleName()
                    + " takes " + signature.argTypes(), missing);
        }
    }

    private record Signature(Class<?> type, List<Class<?>> argTypes) {
    }
}
